package com.sessiondesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Medians, percentiles and child JVMs for the client benchmarks. */
final class BenchSupport {

    private BenchSupport() {
    }

    static double median(List<? extends Number> values) {
        return percentile(values, 50);
    }

    /** Nearest-rank percentile. */
    static double percentile(List<? extends Number> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>();
        for (Number v : values) {
            sorted.add(v.doubleValue());
        }
        Collections.sort(sorted);
        if (p == 50 && sorted.size() % 2 == 0) {
            int mid = sorted.size() / 2;
            return (sorted.get(mid - 1) + sorted.get(mid)) / 2;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** The output of a child JVM on this JVM's class path, or a failure with what it printed. */
    record ChildResult(int exitCode, List<String> lines) {
        String lineStartingWith(String prefix) {
            return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no line \"" + prefix + "...\" in: " + lines));
        }
    }

    static ChildResult runJava(List<String> jvmArgs, String mainClass, List<String> args,
            Map<String, String> env, long timeoutSeconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(jvmArgs);
        command.add(mainClass);
        command.addAll(args);
        return run(command, env, timeoutSeconds);
    }

    /** Runs a command to its end (at most timeoutSeconds), its output and error lines kept. */
    static ChildResult run(List<String> command, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the child is gone; what it printed so far is kept
            }
        });
        reader.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            reader.join(2000);
            throw new IllegalStateException(command + " did not finish within " + timeoutSeconds + " s: " + lines);
        }
        reader.join(5000);
        return new ChildResult(process.exitValue(), new ArrayList<>(lines));
    }

    /** The first whole number after a marker, e.g. "after 1234 ms" -> 1234. */
    static long numberAfter(String line, String marker) {
        int at = line.indexOf(marker);
        if (at < 0) {
            throw new IllegalStateException("no \"" + marker + "\" in: " + line);
        }
        String rest = line.substring(at + marker.length()).trim();
        StringBuilder digits = new StringBuilder();
        for (char c : rest.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (digits.length() > 0) {
                break;
            }
        }
        return Long.parseLong(digits.toString());
    }

    static String fmt(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
