package io.streamgate.testing.kafka;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * One node's identity, ports and files. Ports are chosen once per cluster so that a restarted node comes
 * back where clients and the other nodes expect it.
 *
 * @param directory the node's own directory under the cluster directory
 * @param sslPort the SSL listener's port, empty without that listener
 * @param saslPort the SASL_PLAINTEXT listener's port, empty without that listener
 */
record NodeConfig(
        int nodeId,
        Path directory,
        int clientPort,
        int controllerPort,
        OptionalInt sslPort,
        OptionalInt saslPort) {

    Path propertiesFile() {
        return directory.resolve("server.properties");
    }

    Path dataDirectory() {
        return directory.resolve("data");
    }

    Path logFile() {
        return directory.resolve("server.log");
    }

    Path logbackFile() {
        return directory.resolve("logback.xml");
    }

    /** The java launcher's argument file: keeps a long test classpath off the command line. */
    Path javaArgumentsFile() {
        return directory.resolve("java.args");
    }
}
