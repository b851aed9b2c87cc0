package io.streamgate.core.protocol;

import io.streamgate.core.address.BrokerAddressRewriter;
import org.apache.kafka.common.message.ApiMessageType;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.types.BoundField;
import org.apache.kafka.common.protocol.types.Field;
import org.apache.kafka.common.protocol.types.Schema;
import org.apache.kafka.common.protocol.types.TaggedFields;
import org.apache.kafka.common.protocol.types.Type;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catches drift between the gateway and the pinned kafka-clients. When a kafka-clients upgrade makes one of
 * these fail, review the named APIs (broker addresses in new fields? header changes?) before raising
 * {@link GatewayApiSupport}.
 */
class GatewayApiSupportTest {

    /** APIs whose responses contain a field named "host" that is not a broker address. */
    private static final Map<ApiKeys, String> HOSTS_THAT_ARE_NOT_BROKERS = Map.of(
            ApiKeys.DESCRIBE_ACLS, "the host an ACL applies to",
            ApiKeys.DELETE_ACLS, "the host an ACL applies to",
            ApiKeys.DESCRIBE_QUORUM, "KRaft controller endpoints, which clients do not connect to through a gateway",
            ApiKeys.STREAMS_GROUP_HEARTBEAT, "Kafka Streams application endpoints for interactive queries",
            ApiKeys.STREAMS_GROUP_DESCRIBE, "Kafka Streams application endpoints for interactive queries");

    @Test
    void everyClientApiOfKafkaClientsIsEitherHandledOrDeliberatelyLeftOut() {
        Set<ApiKeys> unreviewed = EnumSet.noneOf(ApiKeys.class);
        for (ApiKeys apiKey : ApiKeys.apisForListener(ApiMessageType.ListenerType.BROKER)) {
            if (!GatewayApiSupport.all().containsKey(apiKey) && !GatewayApiSupport.INTER_BROKER_APIS.containsKey(apiKey)) {
                unreviewed.add(apiKey);
            }
        }
        assertThat(unreviewed).as("APIs new in kafka-clients that GatewayApiSupport neither handles nor excludes")
                .isEmpty();
    }

    @Test
    void theGatewayHandlesEveryVersionKafkaClientsKnowsAndNoMore() {
        List<String> drift = new ArrayList<>();
        GatewayApiSupport.all().forEach((apiKey, range) -> {
            if (range.max() != apiKey.latestVersion()) {
                drift.add(apiKey.name + ": gateway max v" + range.max() + ", kafka-clients knows v" + apiKey.latestVersion());
            }
            if (range.min() < apiKey.oldestVersion()) {
                drift.add(apiKey.name + ": gateway min v" + range.min() + " is below what kafka-clients can decode");
            }
        });
        assertThat(drift).as("review these APIs' new versions, then update GatewayApiSupport").isEmpty();
    }

    @Test
    void everyResponseThatCarriesABrokerAddressIsRewritten() {
        Set<ApiKeys> withHosts = EnumSet.noneOf(ApiKeys.class);
        for (ApiKeys apiKey : GatewayApiSupport.all().keySet()) {
            Schema[] schemas = apiKey.messageType.responseSchemas();
            for (short version = apiKey.oldestVersion(); version <= apiKey.latestVersion(); version++) {
                if (schemas[version] != null && mentionsHost(schemas[version])) {
                    withHosts.add(apiKey);
                }
            }
        }
        Set<ApiKeys> accountedFor = EnumSet.copyOf(BrokerAddressRewriter.REWRITTEN_APIS);
        accountedFor.addAll(HOSTS_THAT_ARE_NOT_BROKERS.keySet());

        assertThat(accountedFor).as("APIs whose responses name hosts").containsAll(withHosts);
        assertThat(withHosts).as("every rewritten API really carries hosts")
                .containsAll(BrokerAddressRewriter.REWRITTEN_APIS);
    }

    @Test
    void offersNoInterBrokerApi() {
        assertThat(GatewayApiSupport.all().keySet()).doesNotContainAnyElementsOf(GatewayApiSupport.INTER_BROKER_APIS.keySet());
        assertThat(GatewayApiSupport.supports(ApiKeys.WRITE_TXN_MARKERS.id, (short) 1)).isFalse();
    }

    @Test
    void refusesSaslHandshakeVersionZero() {
        assertThat(GatewayApiSupport.supports(ApiKeys.SASL_HANDSHAKE.id, (short) 0)).isFalse();
        assertThat(GatewayApiSupport.supports(ApiKeys.SASL_HANDSHAKE.id, (short) 1)).isTrue();
    }

    @Test
    void knowsNothingOfUnknownApiKeys() {
        assertThat(GatewayApiSupport.range((short) 999)).isEmpty();
        assertThat(GatewayApiSupport.supports((short) -1, (short) 0)).isFalse();
    }

    private static boolean mentionsHost(Type type) {
        if (type instanceof Schema schema) {
            for (BoundField field : schema.fields()) {
                if (field.def.name.equals("host") || mentionsHost(field.def.type)) {
                    return true;
                }
            }
            return false;
        }
        if (type instanceof TaggedFields tagged) {
            for (Field field : tagged.fields().values()) {
                if (field.name.equals("host") || mentionsHost(field.type)) {
                    return true;
                }
            }
            return false;
        }
        return type.isArray() && mentionsHost(type.arrayElementType().orElseThrow());
    }
}
