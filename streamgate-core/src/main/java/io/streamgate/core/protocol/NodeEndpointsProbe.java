package io.streamgate.core.protocol;

import io.netty.buffer.ByteBuf;
import io.streamgate.core.frame.Varints;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.types.BoundField;
import org.apache.kafka.common.protocol.types.Field;
import org.apache.kafka.common.protocol.types.Schema;
import org.apache.kafka.common.protocol.types.TaggedFields;

import java.util.EnumMap;
import java.util.Map;

/**
 * Answers, without decoding, whether a Produce, Fetch, ShareFetch or ShareAcknowledge response carries
 * broker addresses ({@code NodeEndpoints}, KIP-951). Brokers fill that field only when a partition's leader
 * moved, so almost every such response is forwarded untouched; the rare one that carries addresses is
 * decoded and rewritten like Metadata.
 *
 * <p>Where the field sits is read from kafka-clients' schemas: as a top-level tagged field (Produce v10+,
 * Fetch v16+) or as a regular top-level field (ShareFetch, ShareAcknowledge).
 */
public final class NodeEndpointsProbe {

    private static final String FIELD_NAME = "node_endpoints";
    private static final int RESPONSE_CORRELATION_ID_END = 8; // length prefix + correlation id
    private static final Map<ApiKeys, Location[]> LOCATIONS = locateAll();

    private NodeEndpointsProbe() {
    }

    /** Whether responses of this API and version can carry node endpoints at all. */
    public static boolean applies(ApiKeys apiKey, short version) {
        return locate(apiKey, version) != null;
    }

    /** Whether this response frame carries at least one node endpoint. */
    public static boolean carriesEndpoints(ByteBuf frame, ApiKeys apiKey, short version) {
        Location location = locate(apiKey, version);
        if (location == null) {
            return false;
        }
        int index = frame.readerIndex() + RESPONSE_CORRELATION_ID_END;
        if (apiKey.responseHeaderVersion(version) >= 1) {
            index = Varints.skipTaggedFields(frame, index);
        }
        int fieldStart = location.before.skip(frame, index);
        if (location.tag < 0) {
            return Varints.unsignedVarint(frame, fieldStart) > 1; // compact array: length + 1
        }
        return hasTag(frame, fieldStart, location.tag);
    }

    private static boolean hasTag(ByteBuf frame, int index, int wantedTag) {
        int count = Varints.unsignedVarint(frame, index);
        index = Varints.skipUnsignedVarint(frame, index);
        for (int i = 0; i < count; i++) {
            int tag = Varints.unsignedVarint(frame, index);
            if (tag == wantedTag) {
                return true;
            }
            index = Varints.skipUnsignedVarint(frame, index);
            int size = Varints.unsignedVarint(frame, index);
            index = Varints.skipUnsignedVarint(frame, index) + size;
        }
        return false;
    }

    /** Where node endpoints sit in a top-level schema: a regular field, or a tag of the tagged section. */
    private record Location(SchemaWalker.Step before, int tag) {
    }

    private static Location locate(ApiKeys apiKey, short version) {
        Location[] byVersion = LOCATIONS.get(apiKey);
        return byVersion == null || version < 0 || version >= byVersion.length ? null : byVersion[version];
    }

    private static Map<ApiKeys, Location[]> locateAll() {
        Map<ApiKeys, Location[]> locations = new EnumMap<>(ApiKeys.class);
        for (ApiKeys apiKey : ApiKeys.values()) {
            Location[] byVersion = new Location[apiKey.latestVersion() + 1];
            boolean any = false;
            for (short version = apiKey.oldestVersion(); version <= apiKey.latestVersion(); version++) {
                byVersion[version] = find(apiKey, version);
                any |= byVersion[version] != null;
            }
            if (any) {
                locations.put(apiKey, byVersion);
            }
        }
        return locations;
    }

    private static Location find(ApiKeys apiKey, short version) {
        Schema schema = apiKey.messageType.responseSchemas()[version];
        if (schema == null) {
            return null;
        }
        BoundField[] fields = schema.fields();
        for (int i = 0; i < fields.length; i++) {
            Field def = fields[i].def;
            if (def.name.equals(FIELD_NAME)) {
                return new Location(SchemaWalker.fieldsBefore(schema, i), -1);
            }
            if (def.type instanceof TaggedFields tagged) {
                for (Map.Entry<Integer, Field> entry : tagged.fields().entrySet()) {
                    if (entry.getValue().name.equals(FIELD_NAME)) {
                        return new Location(SchemaWalker.fieldsBefore(schema, i), entry.getKey());
                    }
                }
            }
        }
        return null;
    }
}
