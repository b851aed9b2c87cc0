package io.streamgate.app.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code streamgate --version}: Streamgate's version (filtered in by the build), Kafka's and Java's. */
public final class VersionProvider implements IVersionProvider {

    private static final String RESOURCE = "/io/streamgate/app/version.properties";

    /** Streamgate's version, e.g. {@code 0.1.0}, or {@code unknown} outside a Maven build. */
    public static String streamgateVersion() {
        return buildProperties().getProperty("version", "unknown");
    }

    // The Kafka version comes from the build too: kafka-clients keeps its own version lookup in an internal
    // package that moves between releases.
    private static String kafkaVersion() {
        return buildProperties().getProperty("kafka", "unknown");
    }

    private static Properties buildProperties() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // an empty set of properties says "unknown"
        }
        return properties;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "streamgate " + streamgateVersion(),
            "Kafka " + kafkaVersion() + " (protocol classes and embedded broker)",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
