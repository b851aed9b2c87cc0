package io.streamgate.app.client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;

/**
 * How the command line proves who it is to the admin API, and where that came from (for a helpful message when
 * the gateway refuses it).
 */
public sealed interface AdminCredentials {

    /** The {@code Authorization} header value, or null to send none. */
    String authorization();

    /** What to suggest when the gateway answers 401. */
    String hintWhenRefused();

    /** A token given on the command line. */
    record Token(String token) implements AdminCredentials {
        public Token {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String authorization() {
            return "Bearer " + token;
        }

        @Override
        public String hintWhenRefused() {
            return "the gateway does not accept the token given with --token";
        }

        @Override
        public String toString() {
            return "Token[...]";
        }
    }

    /** The token a gateway without configured credentials keeps in its data directory. */
    record TokenFile(String token, Path file) implements AdminCredentials {
        public TokenFile {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String authorization() {
            return "Bearer " + token;
        }

        @Override
        public String hintWhenRefused() {
            return "the gateway does not accept the token in " + file + " (does it use another data directory, "
                    + "or configured credentials? then pass --data-dir, --token, or --user and --password)";
        }

        @Override
        public String toString() {
            return "TokenFile[" + file + "]";
        }
    }

    /** HTTP basic credentials of a user. */
    record User(String name, String password) implements AdminCredentials {
        public User {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String authorization() {
            return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String hintWhenRefused() {
            return "the gateway does not accept user " + name + " with that password";
        }

        @Override
        public String toString() {
            return "User[" + name + "]";
        }
    }

    /** Nothing: no option given and no token file found. */
    record None(Path lookedFor) implements AdminCredentials {
        @Override
        public String authorization() {
            return null;
        }

        @Override
        public String hintWhenRefused() {
            return "no credentials: pass --token, or --user and --password (there is no token file at " + lookedFor
                    + "; --data-dir names the gateway's data directory)";
        }
    }
}
