package com.sessiondesk.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heartbeat load generator, run as its own process by {@link ServerBenchmark}: many keep-alive
 * connections, each a plain socket writing raw HTTP/1.1 (no pipelining), every request with the
 * next session's token. Bounded by time (warm-up, then measurement) and by a request count.
 * Prints {@code MARK start} and {@code MARK end} around the measured window, then one line:
 * {@code RESULT requests=N seconds=S p50us=.. p99us=.. maxus=.. errors=N cpums=..} (its own CPU time
 * in the window).
 *
 * <p>Arguments: HOST PORT TOKENS_FILE CONNECTIONS WARMUP_SECONDS MEASURE_SECONDS MAX_REQUESTS
 */
public final class HeartbeatLoad {

    private static final byte[] BODY = "{\"pendingSyncItems\":3}".getBytes(StandardCharsets.US_ASCII);

    private final String host;
    private final int port;
    private final List<String> tokens;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final long maxRequests;
    private volatile long measureFrom;
    private volatile long stopAt;

    public HeartbeatLoad(String host, int port, List<String> tokens, long maxRequests) {
        this.host = host;
        this.port = port;
        this.tokens = tokens;
        this.maxRequests = maxRequests;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: HeartbeatLoad HOST PORT TOKENS_FILE CONNECTIONS WARMUP_S MEASURE_S MAX_REQUESTS");
            System.exit(2);
        }
        List<String> tokens = Files.readAllLines(Path.of(args[2]));
        HeartbeatLoad load = new HeartbeatLoad(args[0], Integer.parseInt(args[1]), tokens, Long.parseLong(args[6]));
        System.out.println(load.run(Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5])));
    }

    /** Runs the load and returns the RESULT line. */
    public String run(int connections, int warmupSeconds, int measureSeconds) throws InterruptedException {
        long start = System.nanoTime();
        measureFrom = start + warmupSeconds * 1_000_000_000L;
        stopAt = measureFrom + measureSeconds * 1_000_000_000L;
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Worker worker = new Worker();
            workers.add(worker);
            worker.start();
        }
        // marks the measured window on stdout, so the benchmark can read the server's CPU time then
        sleepUntil(measureFrom);
        long cpuFrom = processCpuNanos();
        System.out.println("MARK start");
        sleepUntil(stopAt);
        long cpuTo = processCpuNanos();
        System.out.println("MARK end");
        for (Worker worker : workers) {
            worker.join(30_000);
            worker.interrupt();
        }
        long end = Math.min(System.nanoTime(), stopAt);
        int total = workers.stream().mapToInt(w -> w.count).sum();
        long[] all = new long[total];
        int at = 0;
        for (Worker worker : workers) {
            System.arraycopy(worker.latencies, 0, all, at, worker.count);
            at += worker.count;
        }
        Arrays.sort(all);
        double seconds = (end - measureFrom) / 1e9;
        return String.format(Locale.ROOT, "RESULT requests=%d seconds=%.3f p50us=%d p99us=%d maxus=%d errors=%d"
                        + " cpums=%d", total, seconds, percentile(all, 0.50), percentile(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1], errors.get(), (cpuTo - cpuFrom) / 1_000_000);
    }

    /** CPU time of this whole process (all threads), in nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, wait / 1_000_000), 0);
        }
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** One keep-alive connection, one request at a time. */
    private final class Worker extends Thread {
        long[] latencies = new long[1 << 16];
        int count;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        Worker() {
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] prefix = ("POST /api/v1/mobile/heartbeat HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + BODY.length
                    + "\r\nAuthorization: Bearer ").getBytes(StandardCharsets.US_ASCII);
            byte[] crlf2 = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            while (System.nanoTime() < stopAt && issued.incrementAndGet() <= maxRequests) {
                String token = tokens.get(Math.floorMod(next.getAndIncrement(), tokens.size()));
                long sent = System.nanoTime();
                try {
                    connectIfNeeded();
                    byte[] tokenBytes = token.getBytes(StandardCharsets.US_ASCII);
                    byte[] request = new byte[prefix.length + tokenBytes.length + crlf2.length + BODY.length];
                    System.arraycopy(prefix, 0, request, 0, prefix.length);
                    System.arraycopy(tokenBytes, 0, request, prefix.length, tokenBytes.length);
                    System.arraycopy(crlf2, 0, request, prefix.length + tokenBytes.length, crlf2.length);
                    System.arraycopy(BODY, 0, request, request.length - BODY.length, BODY.length);
                    out.write(request);
                    out.flush();
                    int status = readResponse();
                    long took = System.nanoTime() - sent;
                    if (status != 204) {
                        errors.incrementAndGet();
                    }
                    if (sent >= measureFrom && sent < stopAt) {
                        record(took / 1000);
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                    closeQuietly();
                }
            }
            closeQuietly();
        }

        private void record(long micros) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = micros;
        }

        private void connectIfNeeded() throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                socket.connect(new InetSocketAddress(host, port), 5_000);
                out = socket.getOutputStream();
                in = new BufferedInputStream(socket.getInputStream(), 8192);
            }
        }

        /** Reads one response (status line, headers, Content-Length body); returns the status. */
        private int readResponse() throws IOException {
            String statusLine = readLine();
            if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
                throw new IOException("bad status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int contentLength = 0;
            boolean close = false;
            String line;
            while ((line = readLine()) != null && !line.isEmpty()) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    contentLength = Integer.parseInt(line.substring(15).trim());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                } else if (lower.startsWith("transfer-encoding:")) {
                    throw new IOException("chunked answers are not expected for a heartbeat");
                }
            }
            if (line == null) {
                throw new IOException("connection closed in the headers");
            }
            in.skipNBytes(contentLength);
            if (close) {
                closeQuietly();
            }
            return status;
        }

        private String readLine() throws IOException {
            StringBuilder line = new StringBuilder(64);
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int length = line.length();
                    return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
                }
                line.append((char) c);
            }
            return line.length() == 0 ? null : line.toString();
        }

        private void closeQuietly() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket = null;
        }
    }
}
