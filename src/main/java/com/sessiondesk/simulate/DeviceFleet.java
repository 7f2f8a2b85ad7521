package com.sessiondesk.simulate;

import com.sessiondesk.api.ApiClients;
import com.sessiondesk.api.SessionDeskApi;
import com.sessiondesk.server.DemoAgency;
import com.sessiondesk.server.StaffGenerator;
import com.sessiondesk.server.StaffGenerator.Person;
import com.sessiondesk.server.StaffGenerator.Phone;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * N simulated phones of demo staff running against a {@code --demo} server: what {@code simulate}
 * runs, and what the push benchmark drives. Each device holds its event stream (one reading
 * thread each, as a phone would) unless told not to.
 */
public final class DeviceFleet implements AutoCloseable {

    /**
     * @param holdStream devices hold {@code GET /api/v1/mobile/events}; false: heartbeats only
     * @param syncMillisPerItem how long uploading one unsynced item takes
     * @param unsyncedItems every device starts with this many unsynced items, kept until synced;
     *     negative: a random walk, as before
     */
    public record Settings(String server, int devices, int intervalSeconds, boolean holdStream,
            long syncMillisPerItem, int unsyncedItems) {
    }

    /** What one device went through. {@code toldAtMillis} is wall-clock time, 0 when not told. */
    public record DeviceReport(int number, String sessionId, String state, boolean streamOpen, long toldAtMillis,
            String toldBy, int syncedItems, int lostItems) {
    }

    private final List<SimulatedDevice> devices;
    private final OkHttpClient http;
    private final OkHttpClient streamHttp;
    private final ScheduledExecutorService ticks;
    private final ScheduledExecutorService scheduler;

    private DeviceFleet(List<SimulatedDevice> devices, OkHttpClient http, OkHttpClient streamHttp,
            ScheduledExecutorService ticks, ScheduledExecutorService scheduler) {
        this.devices = devices;
        this.http = http;
        this.streamHttp = streamHttp;
        this.ticks = ticks;
        this.scheduler = scheduler;
    }

    /** Signs the devices in, spread over one heartbeat interval, and keeps them going until {@link #close()}. */
    public static DeviceFleet start(Settings settings, Consumer<String> out) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10))
                .connectionPool(new ConnectionPool(32, 1, TimeUnit.MINUTES))
                .build();
        // A stream is silent but for a keep-alive every 15 s: 45 s of silence means it is lost.
        OkHttpClient streamHttp = http.newBuilder().readTimeout(Duration.ofSeconds(45)).build();
        SessionDeskApi api = ApiClients.create(settings.server(), http);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4, daemon("simulated-sync"));
        SimulatedDevice.Link link = new SimulatedDevice.Link(api, streamHttp, settings.server(), scheduler,
                settings.holdStream(), settings.syncMillisPerItem());
        List<SimulatedDevice> devices = devices(settings.devices(), link, out);
        if (settings.unsyncedItems() >= 0) {
            devices.forEach(d -> d.holdUnsyncedItems(settings.unsyncedItems()));
        }
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(Math.min(32, devices.size()),
                daemon("simulated-device"));
        long periodMillis = settings.intervalSeconds() * 1000L;
        for (int i = 0; i < devices.size(); i++) {
            SimulatedDevice device = devices.get(i);
            // Spread the devices over one interval, as real phones would be.
            long delay = periodMillis * i / devices.size();
            ticks.scheduleAtFixedRate(() -> {
                try {
                    device.tick(DemoAgency.STAFF_PASSWORD);
                } catch (RuntimeException | Error e) { // a failed tick must not stop the device's schedule
                    out.accept("device " + device.number() + ": unexpected failure: " + e);
                }
            }, delay, periodMillis, TimeUnit.MILLISECONDS);
        }
        return new DeviceFleet(devices, http, streamHttp, ticks, scheduler);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One device per demo staff member (round robin past 320), each with its own app, phone and language. */
    static List<SimulatedDevice> devices(int count, SimulatedDevice.Link link, Consumer<String> out) {
        List<Person> staff = DemoAgency.staff();
        StaffGenerator phones = new StaffGenerator(System.nanoTime(), Set.of());
        List<SimulatedDevice> devices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Person person = staff.get(i % staff.size());
            int roll = phones.random().nextInt(100);
            String application = roll < 72 ? "Caregiver" : roll < 92 ? "EVV" : "Family";
            Phone phone = phones.nextPhone();
            devices.add(new SimulatedDevice(i + 1, person.username(), application,
                    StaffGenerator.versions(application).get(0), phones.deviceId(phone), phone.model(),
                    phones.pick(phone.osVersions()), person.language(), link, out, phones.random().nextLong()));
        }
        return devices;
    }

    public int size() {
        return devices.size();
    }

    public long signedIn() {
        return devices.stream().filter(d -> d.state() == SimulatedDevice.State.SIGNED_IN).count();
    }

    public long streamsOpen() {
        return devices.stream().filter(SimulatedDevice::streamOpen).count();
    }

    public List<DeviceReport> reports() {
        List<DeviceReport> reports = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            SimulatedDevice d = devices.get(i);
            reports.add(new DeviceReport(i + 1, d.sessionId(), d.state().name(), d.streamOpen(), d.toldAtMillis(),
                    d.toldBy(), d.syncedItems(), d.lostItems()));
        }
        return reports;
    }

    List<SimulatedDevice> devices() {
        return devices;
    }

    public String summary(int seconds) {
        long signedIn = signedIn();
        long syncing = devices.stream().filter(d -> d.state() == SimulatedDevice.State.SYNCING).count();
        long signedOut = devices.stream().filter(SimulatedDevice::signedOutByOffice).count();
        long blocked = devices.stream().filter(SimulatedDevice::refusedAsBlocked).count();
        long pending = devices.stream().filter(d -> d.state() == SimulatedDevice.State.NOT_SIGNED_IN).count();
        long byStream = devices.stream().filter(d -> "stream".equals(d.toldBy())).count();
        int beats = devices.stream().mapToInt(SimulatedDevice::heartbeats).sum();
        int synced = devices.stream().mapToInt(SimulatedDevice::syncedItems).sum();
        int lost = devices.stream().mapToInt(SimulatedDevice::lostItems).sum();
        return String.format("Summary after %d s: %d devices, %d still signed in, %d syncing before their log out, "
                        + "%d signed out by the office (%d told through their stream), %d refused as blocked, "
                        + "%d not signed in yet; %d heartbeats sent; %d unsynced items synced before a log out, "
                        + "%d lost.",
                seconds, devices.size(), signedIn, syncing, signedOut, byStream, blocked, pending, beats, synced, lost);
    }

    /** Stops the devices (their streams close) and the HTTP clients. */
    @Override
    public void close() {
        ticks.shutdownNow();
        scheduler.shutdownNow();
        try {
            ticks.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        devices.forEach(SimulatedDevice::stop);
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        streamHttp.connectionPool().evictAll();
    }
}
