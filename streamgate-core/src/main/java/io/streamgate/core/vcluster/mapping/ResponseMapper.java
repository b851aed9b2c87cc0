package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.protocol.ApiMessage;

/**
 * Turns the broker's response to a mapped request into the tenant's view: physical names back to logical ones, what
 * belongs to others removed, and the errors of what the mapper held back from the broker put in. Error messages need
 * no care here: the gateway scrubs every {@code errorMessage} of a mapped response afterwards.
 */
@FunctionalInterface
public interface ResponseMapper {

    /**
     * The response is forwarded as the broker's bytes, not even decoded: only for responses that carry no name and no
     * broker message text (e.g. a Heartbeat's, or a Fetch by topic id). Anything else must be decoded, if only so
     * that its error messages are scrubbed.
     */
    ResponseMapper UNCHANGED = (response, version) -> response;

    /** The tenant's view of {@code response}; usually {@code response} itself, changed in place. */
    ApiMessage map(ApiMessage response, short version);
}
