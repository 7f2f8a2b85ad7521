package com.sessiondesk.simulate;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sessiondesk.api.ErrorBody;
import com.sessiondesk.api.EventStream;
import com.sessiondesk.api.Json;
import java.io.IOException;

/**
 * A simulated device's event stream ({@code GET /api/v1/mobile/events}), held while the app is in the
 * foreground: opens it with the session's token, tells the device what the office says on it, knows
 * whether it is open, and closes it.
 *
 * <p>It shares the device's lock: the device calls it holding that lock, and the stream's reading
 * thread takes the same lock before it acts. It acts only while the token it was opened with is still
 * the device's: a stream of an earlier session says nothing.
 */
final class DeviceStream {

    /** What the stream tells the device; its object is the lock, and each call is made holding it. */
    interface Device {

        /** The device's token now (null when signed out). */
        String token();

        /** The office asks the device to sync its unsynced items, then log out (told by the stream). */
        void syncThenLogout(String reason, String syncDeadline);

        /**
         * The office ended the session, told ({@code how}) by the {@code "stream"} or by the
         * {@code "response"} that refused to open it; {@code extra} is added to what the device prints.
         */
        void sessionEnded(String how, String reason, String extra);
    }

    private final SimulatedDevice.Link link;
    private final String threadName;
    private final Device device;

    private EventStream stream;
    private boolean open;

    DeviceStream(SimulatedDevice.Link link, String threadName, Device device) {
        this.link = link;
        this.threadName = threadName;
        this.device = device;
    }

    /** Opens a stream of the session of {@code token} on a thread of its own. */
    void open(String token) {
        stream = EventStream.open(link.streamHttp(), link.baseUrl(), token, new EventStream.Listener() {
            @Override
            public void opened() {
                streamOpened(token);
            }

            @Override
            public void event(String name, String data) {
                onEvent(token, name, data);
            }

            @Override
            public void refused(int status, String body) {
                streamRefused(token, status, body);
            }

            @Override
            public void closed(IOException failure) {
                streamLost(token);
            }
        }, threadName);
    }

    /** Whether a stream is held (opening or open); false once it was closed, refused or lost. */
    boolean held() {
        return stream != null;
    }

    /** Whether the server accepted the held stream. */
    boolean isOpen() {
        return open;
    }

    void close() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
        open = false;
    }

    private boolean current(String token) {
        return token.equals(device.token());
    }

    private void streamOpened(String token) {
        synchronized (device) {
            if (current(token)) {
                open = true;
            }
        }
    }

    private void onEvent(String token, String name, String data) {
        synchronized (device) {
            if (!current(token)) {
                return;
            }
            JsonObject json = JsonParser.parseString(data).getAsJsonObject();
            String reason = json.has("reason") && !json.get("reason").isJsonNull()
                    ? json.get("reason").getAsString() : null;
            switch (name) {
                case "sync_then_logout" -> device.syncThenLogout(reason, json.get("syncDeadline").getAsString());
                case "session_ended" -> {
                    boolean blocked = json.has("blocked") && json.get("blocked").getAsBoolean();
                    device.sessionEnded("stream", reason, blocked ? " Account blocked." : "");
                }
                default -> { } // ready, and events of later versions
            }
        }
    }

    private void streamRefused(String token, int status, String body) {
        synchronized (device) {
            if (!current(token)) {
                return;
            }
            stream = null;
            open = false;
            if (status == 401) {
                ErrorBody error = Json.GSON.fromJson(body, ErrorBody.class);
                if (error != null && "session_ended".equals(error.error())) {
                    device.sessionEnded("response", error.reason(), "");
                }
            }
        }
    }

    /** Dropped: the device's next tick reconnects (a real app would back off: 1 s, 2 s, ... 60 s). */
    private void streamLost(String token) {
        synchronized (device) {
            if (current(token)) {
                stream = null;
                open = false;
            }
        }
    }
}
