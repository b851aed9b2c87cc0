package io.streamgate.bench.harness;

import io.streamgate.testing.net.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway in its own JVM, {@code io.streamgate.app.Main run} in front of the benchmark's Kafka cluster, bound
 * to loopback, its standard output and error written to a log file. The JVM gets the shared {@link JvmSettings}
 * plus Netty's leak detector at {@code simple} level: it samples about one buffer in 128, cheap enough not to
 * distort the figures ({@code paranoid}, as the tests use, tracks every buffer).
 */
public final class GatewayProcess implements AutoCloseable {

    /** The leak detection the gateway runs with during a benchmark. */
    public static final String LEAK_DETECTION = "-Dio.netty.leakDetection.level=simple";

    private static final Pattern INSTALLED = Pattern.compile("Interceptors from the resource store: (\\d+) installed");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final int port;
    private final int adminPort;
    private final List<String> jvmOptions;
    private final List<String> arguments;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread killOnExit;

    private GatewayProcess(String name, Process process, Path logFile, int port, int adminPort,
                           List<String> jvmOptions, List<String> arguments) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.port = port;
        this.adminPort = adminPort;
        this.jvmOptions = jvmOptions;
        this.arguments = arguments;
        // An interrupted benchmark (Ctrl-C) must not leave a gateway behind.
        this.killOnExit = new Thread(process::destroyForcibly, "bench-gateway-reaper-" + name);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Launches a gateway; returns at once, see {@link #awaitReady}.
     *
     * @param name shown in the report and progress lines, e.g. {@code gateway} or {@code chain}
     * @param upstream the Kafka cluster's bootstrap servers
     * @param brokers how many brokers the cluster has: the gateway binds one port per broker after its own
     * @param extraArguments more arguments for its {@code run} command (the user's {@code --gateway-arg})
     * @param settings {@code STREAMGATE_*} configuration variables for the gateway's environment, e.g.
     *        {@code STREAMGATE_RESOURCES_DIR}, a directory of resource files it applies at start
     */
    public static GatewayProcess launch(String name, String upstream, int brokers, JvmSettings jvm,
                                        List<String> extraArguments, Path logFile, Path dataDir,
                                        Map<String, String> settings) {
        int port = FreePorts.consecutive(brokers + 1);
        int adminPort = FreePorts.allocate(1)[0];
        while (adminPort >= port && adminPort <= port + brokers) { // the gateway refuses an admin port among its own
            adminPort = FreePorts.allocate(1)[0];
        }
        List<String> jvmOptions = new ArrayList<>(jvm.options());
        jvmOptions.add(LEAK_DETECTION);
        List<String> arguments = new ArrayList<>(List.of("run", "--upstream", upstream,
                "--port", Integer.toString(port), "--admin-port", Integer.toString(adminPort),
                "--data-dir", dataDir.toAbsolutePath().toString(),
                "--bind", "127.0.0.1", "--advertised-host", "127.0.0.1"));
        arguments.addAll(extraArguments);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.streamgate.app.Main");
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.to(logFile.toFile()));
        Map<String, String> environment = builder.environment();
        // The gateway refuses unknown STREAMGATE_* variables, and the user's own settings must not leak into it.
        environment.keySet().removeIf(key -> key.startsWith("STREAMGATE_"));
        // Broker ports only for the brokers there are: the default range (100 ports) could take in the admin port.
        environment.put("STREAMGATE_BROKER_PORTS_MAX_BROKERS", Integer.toString(brokers));
        environment.putAll(settings);
        try {
            Files.createDirectories(dataDir);
            return new GatewayProcess(name, builder.start(), logFile, port, adminPort, List.copyOf(jvmOptions),
                    List.copyOf(arguments));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch the gateway " + name, e);
        }
    }

    /**
     * Waits until {@code GET /health/ready} answers 200, which the gateway does once the upstream cluster answered
     * and the interceptors of its resource store are installed.
     *
     * @param expectedInterceptors how many interceptors the gateway must report installed
     * @throws IllegalStateException if the gateway exits, is not ready in time, or installed another number
     */
    public void awaitReady(Duration timeout, int expectedInterceptors) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway " + name + " exited with " + process.exitValue()
                        + " before it was ready; its log, " + logFile + ", ends with:\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateway " + name + " was not ready within " + timeout.toSeconds()
                        + " s; its log, " + logFile + ", ends with:\n" + logTail());
            }
            sleep(100);
        }
        int installed = installedInterceptors();
        // A gateway with an empty resource store may not log the line at all.
        boolean none = installed == -1 && expectedInterceptors == 0;
        if (installed != expectedInterceptors && !none) {
            throw new IllegalStateException("the gateway " + name + " installed " + installed + " interceptor(s), not "
                    + expectedInterceptors + "; see " + logFile);
        }
    }

    /** Where clients connect, {@code 127.0.0.1:port}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    /** The JVM options the gateway runs with. */
    public List<String> jvmOptions() {
        return jvmOptions;
    }

    /** The arguments of {@code io.streamgate.app.Main}. */
    public List<String> arguments() {
        return arguments;
    }

    /**
     * Asks the JVM for a full GC ({@code jcmd <pid> GC.run}), so that buffers leaked during the run become
     * collectable and Netty can report them on a later allocation. Best effort: nothing happens without jcmd.
     */
    public void collectGarbage() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return;
        }
        try {
            Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(Redirect.DISCARD).start();
            gc.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no GC then; the leak count may miss the last leaks
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The {@code streamgate_buffer_leaks} gauge of {@code /metrics}, if the gateway answers. */
    public OptionalDouble bufferLeaks() {
        try {
            HttpResponse<String> response = get("/metrics");
            for (String line : response.body().split("\n")) {
                if (line.startsWith("streamgate_buffer_leaks ") || line.startsWith("streamgate_buffer_leaks{")) {
                    return OptionalDouble.of(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // reported as unknown
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OptionalDouble.empty();
    }

    /**
     * Stops the gateway with SIGTERM, as an operator would (SIGKILL after 20 s), and waits for it to exit, so that
     * its log is complete.
     */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down, and the hook will run
        }
    }

    private boolean ready() {
        try {
            return get("/health/ready").statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the gateway", e);
        }
    }

    private int installedInterceptors() {
        try {
            Matcher matcher = INSTALLED.matcher(Files.readString(logFile));
            int installed = -1;
            while (matcher.find()) {
                installed = Integer.parseInt(matcher.group(1));
            }
            return installed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(cannot read the log: " + e + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the gateway", e);
        }
    }
}
