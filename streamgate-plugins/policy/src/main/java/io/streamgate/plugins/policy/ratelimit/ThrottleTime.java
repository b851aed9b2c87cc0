package io.streamgate.plugins.policy.ratelimit;

import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

/**
 * The throttle time field of the responses this policy throttles, and which versions of them make the client wait
 * by itself (KIP-219: from those versions on, a broker answers at once and the client holds its next request back
 * for the throttle time; before them, the broker delays the answer).
 */
final class ThrottleTime {

    private ThrottleTime() {
    }

    /** Sets the response's throttle time to {@code ms}, unless the broker already asked for longer. */
    static void raise(ApiMessage response, long ms) {
        int throttle = (int) ms;
        if (response instanceof ProduceResponseData produce) {
            produce.setThrottleTimeMs(Math.max(produce.throttleTimeMs(), throttle));
        } else if (response instanceof FetchResponseData fetch) {
            fetch.setThrottleTimeMs(Math.max(fetch.throttleTimeMs(), throttle));
        } else if (response instanceof JoinGroupResponseData join) {
            join.setThrottleTimeMs(Math.max(join.throttleTimeMs(), throttle));
        } else if (response instanceof OffsetCommitResponseData commit) {
            commit.setThrottleTimeMs(Math.max(commit.throttleTimeMs(), throttle));
        } else {
            throw new IllegalArgumentException("no throttle time in " + response.getClass().getSimpleName());
        }
    }

    /** Whether a client reading this version of the response waits out its throttle time by itself. */
    static boolean clientWaits(ApiKeys api, short version) {
        return switch (api) {
            case PRODUCE -> version >= 6;
            case FETCH -> version >= 8;
            case JOIN_GROUP -> version >= 3;
            case OFFSET_COMMIT -> version >= 4;
            default -> false;
        };
    }
}
