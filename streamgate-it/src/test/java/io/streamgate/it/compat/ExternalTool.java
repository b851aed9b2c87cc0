package io.streamgate.it.compat;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command-line client run as a child process. Where the tool is not installed the test is skipped with a
 * message saying how to install it, unless {@code REQUIRE_COMPAT_TOOLS=true} (set by {@code .ci/run},
 * which installs the tools), in which case a missing tool fails the test.
 */
public final class ExternalTool {

    private static final boolean REQUIRED = "true".equalsIgnoreCase(System.getenv("REQUIRE_COMPAT_TOOLS"));

    private ExternalTool() {
    }

    /** Skips (or fails, in CI) unless {@code available}. */
    public static void require(boolean available, String what, String install) {
        if (REQUIRED && !available) {
            throw new AssertionError(what + " is required (REQUIRE_COMPAT_TOOLS=true) but missing: " + install);
        }
        Assumptions.assumeTrue(available, what + " is not installed; " + install);
    }

    public static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command to completion, feeding it {@code stdin}. */
    public static Result run(List<String> command, Path workingDirectory, String stdin, Duration timeout)
            throws IOException, InterruptedException {
        return run(command, workingDirectory, java.util.Map.of(), stdin, timeout);
    }

    /** Runs a command to completion with extra environment variables, feeding it {@code stdin}. */
    public static Result run(List<String> command, Path workingDirectory, java.util.Map<String, String> environment,
                      String stdin, Duration timeout) throws IOException, InterruptedException {
        Path output = Files.createTempFile("tool-out", ".txt");
        Path errors = Files.createTempFile("tool-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .redirectOutput(output.toFile()).redirectError(errors.toFile());
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        Result result = new Result(finished ? process.exitValue() : -1, Files.readString(output),
                Files.readString(errors), !finished);
        Files.deleteIfExists(output);
        Files.deleteIfExists(errors);
        return result;
    }

    public record Result(int exitCode, String stdout, String stderr, boolean timedOut) {
        @Override
        public String toString() {
            return "exit " + exitCode + (timedOut ? " (timed out)" : "") + "\n--- stdout\n" + stdout + "\n--- stderr\n"
                    + stderr;
        }
    }
}
