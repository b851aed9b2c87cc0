package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.protocol.ApiMessage;

import java.util.concurrent.CompletionStage;

/** What becomes of one mapped request. */
public sealed interface Mapping {

    /**
     * Send {@code request} (the physical form; usually the decoded request changed in place) to the broker, and pass
     * the broker's response through {@code response} before anyone else sees it.
     */
    record Forward(ApiMessage request, ResponseMapper response) implements Mapping {
    }

    /**
     * The request needs no change (it names its topics by id, all the tenant's, and nothing else the tenant owns):
     * the bytes the client sent may go to the broker as they are, without being encoded again, unless an interceptor
     * has had the request. The broker's response passes through {@code response}.
     */
    record Unchanged(ResponseMapper response) implements Mapping {
    }

    /**
     * Nothing goes to the broker: the gateway answers with {@code response} once it completes (on any thread). Used
     * when nothing in the request is the tenant's to ask about, and by the ACL APIs.
     */
    record Answer(CompletionStage<ApiMessage> response) implements Mapping {
    }
}
