package io.streamgate.testing.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The logback configuration of a node's JVM. Kafka logs through SLF4J and finds whatever logback
 * configuration the shared classpath carries (possibly the gateway's own); a file per node makes the node's
 * log independent of that.
 *
 * <p>Everything goes to standard output, which the launcher appends to {@code server.log} together with
 * standard error, so that JVM crashes land in the same file. Only {@code kafka.server} logs at INFO: its
 * startup, shutdown and partition messages explain a failed test; the rest of Kafka at INFO would be
 * thousands of lines per start.
 */
final class NodeLogbackConfig {

    private static final String XML = """
            <configuration>
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder>
                  <pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern>
                </encoder>
              </appender>
              <logger name="kafka.server" level="INFO"/>
              <root level="WARN">
                <appender-ref ref="OUT"/>
              </root>
            </configuration>
            """;

    private NodeLogbackConfig() {
    }

    static void write(Path file) throws IOException {
        Files.writeString(file, XML, StandardCharsets.UTF_8);
    }
}
