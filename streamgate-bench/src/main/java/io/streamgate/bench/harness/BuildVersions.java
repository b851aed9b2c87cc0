package io.streamgate.bench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What was measured: Streamgate's and Kafka's versions as the build recorded them (brokers, gateway and clients all
 * run the one pinned Kafka version), and the source checkout's commit when there is one.
 *
 * @param gitCommit {@code git describe --always --dirty} of the working directory, or {@code unknown}
 */
public record BuildVersions(String streamgate, String kafka, String gitCommit) {

    private static final String RESOURCE = "/io/streamgate/app/version.properties";

    public static BuildVersions read() {
        Properties properties = new Properties();
        try (InputStream in = BuildVersions.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // unknown versions then
        }
        return new BuildVersions(properties.getProperty("version", "unknown"),
                properties.getProperty("kafka", "unknown"), describeCommit());
    }

    private static String describeCommit() {
        try {
            // Asked where the classes are (the checkout's streamgate-bench/target), not in the working directory.
            Path classes = Path.of(BuildVersions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path directory = Files.isDirectory(classes) ? classes : classes.getParent();
            Process git = new ProcessBuilder("git", "-C", directory.toString(), "describe", "--always", "--dirty")
                    .redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor(5, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "unknown";
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
