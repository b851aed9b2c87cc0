package io.streamgate.admin.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides who sends an admin API request, from its {@code Authorization} header: {@code Bearer <token>} for one of
 * the configured tokens, or {@code Basic <base64(name:password)>} for one of the configured users.
 *
 * <p>Secrets are compared in constant time: the presented secret and every candidate are hashed with SHA-256 (so
 * that lengths do not show either) and compared with {@link MessageDigest#isEqual}, against every token without
 * stopping at the first match, and against a dummy for an unknown user name. Only the hashes are kept.
 *
 * <p>Immutable and thread-safe.
 */
public final class AdminAuthenticator {

    private static final byte[] DUMMY = sha256("streamgate: no such user");

    private final List<Credential> tokens;
    private final Map<String, Credential> users;

    private record Credential(String name, byte[] secretHash, AdminRole role) {
    }

    /**
     * @throws IllegalArgumentException when two tokens or two users share a name, or two tokens share a secret
     */
    public AdminAuthenticator(List<AdminToken> tokens, List<AdminUser> users) {
        Set<String> names = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        this.tokens = tokens.stream().map(token -> {
            if (!names.add("token " + token.name())) {
                throw new IllegalArgumentException("two admin tokens are named " + token.name());
            }
            if (!secrets.add(token.token())) {
                throw new IllegalArgumentException("admin tokens " + token.name() + " and another have the same "
                        + "secret; give each its own");
            }
            return new Credential(token.name(), sha256(token.token()), token.role());
        }).toList();
        Map<String, Credential> byName = new LinkedHashMap<>();
        for (AdminUser user : users) {
            if (byName.put(user.name(), new Credential(user.name(), sha256(user.password()), user.role())) != null) {
                throw new IllegalArgumentException("two admin users are named " + user.name());
            }
        }
        this.users = Map.copyOf(byName);
    }

    /** Whether HTTP basic authentication is possible, i.e. some user is configured. */
    public boolean acceptsBasic() {
        return !users.isEmpty();
    }

    /**
     * @param authorization the {@code Authorization} header, or null
     * @return who sent the request; empty when the header is missing, malformed or names no configured secret
     */
    public Optional<AdminIdentity> authenticate(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String header = authorization.trim();
        int space = header.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
        String credentials = header.substring(space + 1).trim();
        return switch (scheme) {
            case "bearer" -> bearer(credentials);
            case "basic" -> basic(credentials);
            default -> Optional.empty();
        };
    }

    private Optional<AdminIdentity> bearer(String token) {
        byte[] presented = sha256(token);
        Credential match = null;
        for (Credential candidate : tokens) {
            // No early exit: the time taken does not depend on which token matched, or whether one did.
            if (MessageDigest.isEqual(presented, candidate.secretHash()) & match == null) {
                match = candidate;
            }
        }
        return Optional.ofNullable(match).map(credential -> new AdminIdentity(credential.name(), credential.role()));
    }

    private Optional<AdminIdentity> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        Credential user = users.get(decoded.substring(0, colon));
        byte[] presented = sha256(decoded.substring(colon + 1));
        boolean matches = MessageDigest.isEqual(presented, user == null ? DUMMY : user.secretHash());
        return matches && user != null ? Optional.of(new AdminIdentity(user.name(), user.role())) : Optional.empty();
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
