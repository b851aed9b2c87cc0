package io.streamgate.admin.identity;

import io.streamgate.core.auth.GatewayTokens;

import java.time.Duration;
import java.util.Objects;

/**
 * How the admin API mints gateway tokens: with which signer, and for how long at most.
 *
 * @param tokens the signer, with the key every instance verifying the tokens shares
 * @param maxLifetime the longest lifetime a token may be minted with
 */
public record TokenIssuer(GatewayTokens tokens, Duration maxLifetime) {

    /** The lifetime of a token minted without one, unless the maximum is shorter. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);

    public TokenIssuer {
        Objects.requireNonNull(tokens, "tokens");
        if (maxLifetime.isZero() || maxLifetime.isNegative()) {
            throw new IllegalArgumentException("the longest token lifetime must be positive");
        }
    }

    /** The lifetime of a token minted without one: {@link #DEFAULT_LIFETIME}, or the maximum when shorter. */
    public Duration defaultLifetime() {
        return DEFAULT_LIFETIME.compareTo(maxLifetime) <= 0 ? DEFAULT_LIFETIME : maxLifetime;
    }
}
