package io.streamgate.plugins.policy.fetch;

import org.apache.kafka.common.message.FetchRequestData;

import java.util.function.ObjIntConsumer;
import java.util.function.ToIntFunction;

/** The numbers of a Fetch request the policy can bound, named as the request fields (and the rules). */
enum FetchLimit {
    MAX_BYTES("maxBytes", FetchRequestData::maxBytes, FetchRequestData::setMaxBytes),
    MIN_BYTES("minBytes", FetchRequestData::minBytes, FetchRequestData::setMinBytes),
    MAX_WAIT_MS("maxWaitMs", FetchRequestData::maxWaitMs, FetchRequestData::setMaxWaitMs);

    final String rule;
    private final ToIntFunction<FetchRequestData> getter;
    private final ObjIntConsumer<FetchRequestData> setter;

    FetchLimit(String rule, ToIntFunction<FetchRequestData> getter, ObjIntConsumer<FetchRequestData> setter) {
        this.rule = rule;
        this.getter = getter;
        this.setter = setter;
    }

    int get(FetchRequestData request) {
        return getter.applyAsInt(request);
    }

    void set(FetchRequestData request, int value) {
        setter.accept(request, value);
    }
}
