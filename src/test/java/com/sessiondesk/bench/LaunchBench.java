package com.sessiondesk.bench;

import com.sessiondesk.common.AppDirs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Launch to first painted table with 10,000 sessions, as a ratio to a bare JavaFX window's launch
 * (goal for the installed app: at most 1.5x). Each run is a fresh JVM: {@link BareWindowMain} against the real client's
 * {@code --smoke-test} on a data directory whose embedded database holds 10,000 active sessions.
 * Both print ms since their JVM started; the medians and their ratios are printed.
 *
 * <p>The goal's figure: the client started with the JVM options its launchers give it (the app
 * image's {@code --java-options}, repeated by {@code mvn javafx:run}; bench/client-bench.sh passes
 * them in {@code -Dbench.clientOptions}) against a bare window on a plain {@code java}. For
 * comparison, every run also starts the client on a plain {@code java} (what the code alone does)
 * and the bare window with the client's options.
 *
 * <p>The installed app's figure (with {@code -Dbench.appImage=DIR}, bench/client-bench.sh passes
 * target/installer/SessionDesk when it was built): its launcher {@code bin/SessionDesk --smoke-test},
 * with the runtime, options and class-data sharing archive that ship, in the same runs; its ratio
 * to the bare window on a plain {@code java} is the goal's (at most 1.5x), its ratio to the bare
 * window with the client's options beside it.
 *
 * <p>Args: [runs, default 5] [sessions, default 10000]. The display is whatever the caller gives
 * (bench/client-bench.sh runs it under xvfb-run); with {@code -Dbench.monocle=true} both children
 * run on headless Monocle instead.
 */
public final class LaunchBench {

    private LaunchBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path dir = Path.of("target", "bench", "launch-" + sessions).toAbsolutePath();
        BenchData.prepare(dir, sessions);

        List<String> plain = new ArrayList<>();
        if (Boolean.getBoolean("bench.monocle")) {
            plain.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw"));
        }
        List<String> launcher = new ArrayList<>(plain);
        launcher.addAll(clientOptions());
        String home = "-D" + AppDirs.HOME_PROPERTY + "=" + dir;
        List<String> clientOnPlainJava = with(plain, home);
        List<String> clientLauncher = with(launcher, home);

        Path appImage = appImage();
        // One unmeasured run of each warms the disk cache (and lets the embedded default settle).
        bare(plain);
        clientLine(clientLauncher);
        if (appImage != null) {
            installedLine(appImage, dir);
        }
        List<Long> bareMs = new ArrayList<>();
        List<Long> clientMs = new ArrayList<>();
        List<Long> clientPlainMs = new ArrayList<>();
        List<Long> bareLauncherMs = new ArrayList<>();
        List<Long> serviceMs = new ArrayList<>();
        List<Long> installedMs = new ArrayList<>();
        String shown = "";
        for (int i = 0; i < runs; i++) {
            bareMs.add(bare(plain));
            String line = clientLine(clientLauncher);
            clientMs.add(BenchSupport.numberAfter(line, "painted after"));
            shown = line;
            clientPlainMs.add(BenchSupport.numberAfter(clientLine(clientOnPlainJava), "painted after"));
            bareLauncherMs.add(bare(launcher));
            serviceMs.add(service(clientLauncher));
            if (appImage != null) {
                installedMs.add(BenchSupport.numberAfter(installedLine(appImage, dir), "painted after"));
                System.out.printf("run %d: installed app %d ms%n", i + 1, installedMs.get(i));
            }
            System.out.printf("run %d: bare %d ms, client %d ms; client on plain java %d ms, bare with the client's options %d ms"
                    + " (the client's service alone, no JavaFX: %d ms)%n",
                    i + 1, bareMs.get(i), clientMs.get(i), clientPlainMs.get(i), bareLauncherMs.get(i), serviceMs.get(i));
        }
        double bare = BenchSupport.median(bareMs);
        double client = BenchSupport.median(clientMs);
        System.out.println("client: " + shown);
        System.out.println("launch-to-first-table: bare window median " + BenchSupport.fmt(bare) + " ms, client ("
                + sessions + " sessions, its launcher's options) median " + BenchSupport.fmt(client) + " ms, ratio "
                + ratio(client, bare) + ", " + runs + " runs; best runs "
                + Collections.min(bareMs) + " / " + Collections.min(clientMs) + " ms, ratio "
                + ratio(Collections.min(clientMs), Collections.min(bareMs)));
        double clientPlain = BenchSupport.median(clientPlainMs);
        double bareLauncher = BenchSupport.median(bareLauncherMs);
        System.out.println("for comparison: client on a plain java median " + BenchSupport.fmt(clientPlain) + " ms, ratio "
                + ratio(clientPlain, bare) + "; bare window with the client's options median " + BenchSupport.fmt(bareLauncher)
                + " ms, client/that ratio " + ratio(client, bareLauncher));
        if (appImage != null) {
            double installed = BenchSupport.median(installedMs);
            System.out.println("installed app (" + appImage + ", its runtime, options and class-data sharing archive)"
                    + " median " + BenchSupport.fmt(installed) + " ms: ratio " + ratio(installed, bare)
                    + " to the bare window (goal <= 1.5x), " + ratio(installed, bareLauncher)
                    + " to the bare window with the client's options; best run " + Collections.min(installedMs)
                    + " ms, ratio " + ratio(Collections.min(installedMs), Collections.min(bareMs)));
        }
        System.out.println("breakdown: the embedded service alone (start, fetch, parse; no JavaFX) median "
                + BenchSupport.fmt(BenchSupport.median(serviceMs)) + " ms since JVM start");
    }

    /** The client launchers' JVM options, as bench/client-bench.sh read them from the app image's arguments. */
    private static List<String> clientOptions() {
        String options = System.getProperty("bench.clientOptions", "").trim();
        if (options.isEmpty()) {
            throw new IllegalStateException("no -Dbench.clientOptions: run this through bench/client-bench.sh");
        }
        return List.of(options.split("\\s+"));
    }

    /** The app image to measure beside the others ({@code -Dbench.appImage}), or null. */
    private static Path appImage() {
        String dir = System.getProperty("bench.appImage", "").trim();
        if (dir.isEmpty()) {
            return null;
        }
        Path launcher = Path.of(dir, "bin", "SessionDesk");
        if (!java.nio.file.Files.isExecutable(launcher)) {
            throw new IllegalStateException("no launcher " + launcher + ": build it with mvn -Pinstaller -DskipTests package");
        }
        return Path.of(dir).toAbsolutePath();
    }

    /** The installed launcher's smoke test on the benchmark's data (JAVA_TOOL_OPTIONS names the data directory). */
    private static String installedLine(Path appImage, Path dir) throws Exception {
        List<String> command = List.of(appImage.resolve("bin").resolve("SessionDesk").toString(), "--smoke-test");
        BenchSupport.ChildResult result = BenchSupport.run(command,
                Map.of("JAVA_TOOL_OPTIONS", "-D" + AppDirs.HOME_PROPERTY + "=" + dir), 300);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("the installed client's smoke test failed: " + result.lines());
        }
        return result.lineStartingWith("smoke-test: ok");
    }

    private static List<String> with(List<String> options, String more) {
        List<String> all = new ArrayList<>(options);
        all.add(more);
        return all;
    }

    private static String ratio(double a, double b) {
        return String.format(java.util.Locale.ROOT, "%.2fx", a / b);
    }

    private static long bare(List<String> jvm) throws Exception {
        BenchSupport.ChildResult result = BenchSupport.runJava(jvm, BareWindowMain.class.getName(), List.of(), Map.of(), 120);
        return BenchSupport.numberAfter(result.lineStartingWith("bare-window:"), "painted after");
    }

    private static long service(List<String> jvm) throws Exception {
        BenchSupport.ChildResult result = BenchSupport.runJava(jvm, EmbeddedServiceStart.class.getName(), List.of(), Map.of(), 300);
        return BenchSupport.numberAfter(result.lineStartingWith("service-ready:"), "parsed after");
    }

    private static String clientLine(List<String> jvm) throws Exception {
        BenchSupport.ChildResult result = BenchSupport.runJava(jvm, "com.sessiondesk.Main", List.of("--smoke-test"), Map.of(), 300);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("the client's smoke test failed: " + result.lines());
        }
        return result.lineStartingWith("smoke-test: ok");
    }
}
