package io.gatehouse.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process under test in a JVM of its own (the hub, the ceiling, an emulated fleet), so that its memory can be read
 * from outside, as an operator would ({@code VmRSS}, {@code jcmd GC.class_histogram}), and its heap and JIT are not
 * mixed with the driver's. Its output goes to a log file.
 */
public final class ChildJvm implements AutoCloseable {
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Runs {@code java [jvmOptions] [arguments]} with the same JDK as this process. */
    public static ChildJvm start(List<String> jvmOptions, List<String> arguments, Map<String, String> environment,
                                 Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new ChildJvm(builder.start(), log);
    }

    /** Runs {@code gatehouse ARGS} ({@code serve}, {@code simulate}) from this JVM's class path (the bench jar holds the app). */
    public static ChildJvm gatehouse(List<String> jvmOptions, List<String> args, Map<String, String> environment,
                                     Path log) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"),
                "io.gatehouse.app.Gatehouse"));
        arguments.addAll(args);
        return start(jvmOptions, arguments, environment, log);
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits until {@code host:port} accepts connections; fails with the log's end if the process died. */
    public void awaitListening(String host, int port, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n" + tail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the server did not listen on " + host + ":" + port + " within " + timeout
                + ":\n" + tail());
    }

    /** The last lines of the child's output, for an error message. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** A free TCP port on 127.0.0.1 (free now; a server started right after takes it). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** This child's resident memory; -1 when unknown. */
    public long residentBytes() {
        return rssBytes(pid());
    }

    /** Resident memory of process {@code pid} ({@code VmRSS} of {@code /proc/PID/status}); -1 when unknown. */
    public static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /**
     * The live objects' class histogram ({@code jcmd GC.class_histogram}, which collects the heap first and counts
     * only what is reachable). Its total is the live heap: {@code GC.heap_info} after {@code GC.run} also counts
     * whatever a busy process allocated in between (tens of MiB a second with images flowing).
     */
    public String classHistogram() throws IOException, InterruptedException {
        return jcmd("GC.class_histogram");
    }

    /** The {@code Total} bytes of a class histogram. */
    public static long totalBytes(String histogram) throws IOException {
        Matcher m = HISTOGRAM_TOTAL.matcher(histogram);
        if (!m.find()) {
            throw new IOException("a class histogram without its Total line");
        }
        return Long.parseLong(m.group(1));
    }

    public String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + pid() + " " + command + " failed: " + out);
        }
        return out;
    }

    /** Stops the child as Ctrl-C would (so a flight recording is written), forcibly after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
