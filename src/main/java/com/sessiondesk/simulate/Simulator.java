package com.sessiondesk.simulate;

import com.sessiondesk.api.ApiClients;
import com.sessiondesk.api.SessionDeskApi;
import com.sessiondesk.server.DemoAgency;
import com.sessiondesk.server.StaffGenerator;
import com.sessiondesk.server.StaffGenerator.Person;
import com.sessiondesk.server.StaffGenerator.Phone;
import java.io.PrintStream;
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
 * The {@code simulate} command: N phones of demo staff sign in to a {@code --demo} server with the
 * demo password, heartbeat every few seconds, and print what each does after a forced log out.
 */
public final class Simulator {

    private Simulator() {
    }

    static int run(SimArgs args, PrintStream out) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10))
                .connectionPool(new ConnectionPool(16, 1, TimeUnit.MINUTES))
                .build();
        SessionDeskApi api = ApiClients.create(args.server(), http);
        List<SimulatedDevice> devices = devices(args.devices(), api, line -> {
            synchronized (out) {
                out.println(line);
            }
        });
        out.println("Simulating " + devices.size() + " devices against " + args.server() + " for "
                + args.durationSeconds() + " s (heartbeat every " + args.intervalSeconds() + " s)");
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(Math.min(32, devices.size()), r -> {
            Thread thread = new Thread(r, "simulated-device");
            thread.setDaemon(true);
            return thread;
        });
        long periodMillis = args.intervalSeconds() * 1000L;
        for (int i = 0; i < devices.size(); i++) {
            SimulatedDevice device = devices.get(i);
            // Spread the devices over one interval, as real phones would be.
            long delay = periodMillis * i / devices.size();
            ticks.scheduleAtFixedRate(() -> device.tick(DemoAgency.STAFF_PASSWORD), delay, periodMillis,
                    TimeUnit.MILLISECONDS);
        }
        try {
            Thread.sleep(args.durationSeconds() * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ticks.shutdownNow();
        try {
            ticks.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println(summary(devices, args.durationSeconds()));
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        return 0;
    }

    /** One device per demo staff member, each with its own app, phone and language. */
    static List<SimulatedDevice> devices(int count, SessionDeskApi api, Consumer<String> out) {
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
                    phones.pick(phone.osVersions()), person.language(), api, out, phones.random().nextLong()));
        }
        return devices;
    }

    static String summary(List<SimulatedDevice> devices, int seconds) {
        long signedIn = devices.stream().filter(d -> d.state() == SimulatedDevice.State.SIGNED_IN).count();
        long signedOut = devices.stream().filter(SimulatedDevice::signedOutByOffice).count();
        long blocked = devices.stream().filter(SimulatedDevice::refusedAsBlocked).count();
        long pending = devices.stream().filter(d -> d.state() == SimulatedDevice.State.NOT_SIGNED_IN).count();
        int beats = devices.stream().mapToInt(SimulatedDevice::heartbeats).sum();
        return String.format("Summary after %d s: %d devices, %d still signed in, %d signed out by the office, "
                        + "%d refused as blocked, %d not signed in yet; %d heartbeats sent.",
                seconds, devices.size(), signedIn, signedOut, blocked, pending, beats);
    }
}
