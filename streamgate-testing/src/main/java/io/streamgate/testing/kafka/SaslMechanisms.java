package io.streamgate.testing.kafka;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The SASL mechanisms of the cluster's SASL_PLAINTEXT listener and the JAAS texts that configure them on the
 * broker and on a client.
 *
 * <p>User names and passwords are restricted to characters that need no quoting in JAAS text, in
 * {@code StorageTool --add-scram} arguments (which split on commas) or in server.properties, rather than
 * escaping for three syntaxes.
 */
final class SaslMechanisms {

    static final String PLAIN = "PLAIN";
    static final String SCRAM_SHA_256 = "SCRAM-SHA-256";
    static final String SCRAM_SHA_512 = "SCRAM-SHA-512";
    static final List<String> ALL = List.of(PLAIN, SCRAM_SHA_256, SCRAM_SHA_512);
    static final List<String> SCRAM = List.of(SCRAM_SHA_256, SCRAM_SHA_512);

    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern PASSWORD = Pattern.compile("[^\\s\",;\\\\\\[\\]=]+");

    private SaslMechanisms() {
    }

    static void validate(Map<String, String> users) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("a SASL listener needs at least one user");
        }
        users.forEach((user, password) -> {
            if (!USER_NAME.matcher(user).matches()) {
                throw new IllegalArgumentException("SASL user name must match " + USER_NAME + ": " + user);
            }
            if (!PASSWORD.matcher(password).matches()) {
                throw new IllegalArgumentException("password of SASL user " + user
                        + " must not be empty nor contain whitespace or any of \",;\\[]=");
            }
        });
    }

    /** The broker side of PLAIN: the users and passwords it accepts, in the listener's JAAS config. */
    static String plainServerJaas(Map<String, String> users) {
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
        new TreeMap<>(users).forEach((user, password) ->
                jaas.append(" user_").append(user).append("=\"").append(password).append('"'));
        return jaas.append(';').toString();
    }

    /** The broker side of SCRAM: credentials live in the cluster metadata, so the module takes no options. */
    static String scramServerJaas() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required;";
    }

    /** A client's {@code sasl.jaas.config} for {@code mechanism}. */
    static String clientJaas(String mechanism, String user, String password) {
        String module = PLAIN.equals(mechanism)
                ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return module + " required username=\"" + user + "\" password=\"" + password + "\";";
    }

    /** A {@code StorageTool format --add-scram} value. */
    static String scramFormatArgument(String mechanism, String user, String password) {
        return mechanism + "=[name=\"" + user + "\",password=\"" + password + "\"]";
    }

    static String requireKnown(String mechanism) {
        if (!ALL.contains(mechanism)) {
            throw new IllegalArgumentException("unknown SASL mechanism " + mechanism + ", expected one of " + ALL);
        }
        return mechanism;
    }
}
