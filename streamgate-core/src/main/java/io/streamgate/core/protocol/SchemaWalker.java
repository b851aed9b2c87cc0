package io.streamgate.core.protocol;

import io.netty.buffer.ByteBuf;
import io.streamgate.core.frame.Varints;
import org.apache.kafka.common.protocol.types.BoundField;
import org.apache.kafka.common.protocol.types.CompactArrayOf;
import org.apache.kafka.common.protocol.types.NullableSchema;
import org.apache.kafka.common.protocol.types.Schema;
import org.apache.kafka.common.protocol.types.TaggedFields;
import org.apache.kafka.common.protocol.types.Type;

/**
 * Steps over encoded values using kafka-clients' protocol schemas, reading only lengths: records and byte
 * fields are skipped, never copied, and nothing is allocated. This is how the gateway finds one field deep
 * in a large response (say, after megabytes of Fetch records) without decoding the response.
 *
 * <p>All positions are absolute indexes into the buffer; its reader index is never moved.
 */
public final class SchemaWalker {

    private SchemaWalker() {
    }

    /** The index just after the value of {@code type} that starts at {@code index}. */
    public static int skip(Type type, ByteBuf buf, int index) {
        if (type instanceof Schema schema) {
            if (schema instanceof NullableSchema) {
                byte presence = buf.getByte(index++);
                if (presence < 0) {
                    return index;
                }
            }
            for (BoundField field : schema.fields()) {
                index = skip(field.def.type, buf, index);
            }
            return index;
        }
        if (type instanceof TaggedFields) {
            return Varints.skipTaggedFields(buf, index);
        }
        if (type.isArray()) {
            int length;
            if (type instanceof CompactArrayOf) {
                length = Varints.unsignedVarint(buf, index) - 1;
                index = Varints.skipUnsignedVarint(buf, index);
            } else {
                length = buf.getInt(index);
                index += 4;
            }
            Type element = type.arrayElementType().orElseThrow();
            for (int i = 0; i < length; i++) {
                index = skip(element, buf, index);
            }
            return index;
        }
        return skipLeaf(type, buf, index);
    }

    /**
     * The index of the first byte of field {@code fieldIndex} of {@code schema}, for a struct that starts
     * at {@code index}.
     */
    public static int fieldStart(Schema schema, int fieldIndex, ByteBuf buf, int index) {
        BoundField[] fields = schema.fields();
        for (int i = 0; i < fieldIndex; i++) {
            index = skip(fields[i].def.type, buf, index);
        }
        return index;
    }

    private static int skipLeaf(Type type, ByteBuf buf, int index) {
        if (type == Type.BOOLEAN || type == Type.INT8) {
            return index + 1;
        }
        if (type == Type.INT16 || type == Type.UINT16) {
            return index + 2;
        }
        if (type == Type.INT32 || type == Type.UNSIGNED_INT32) {
            return index + 4;
        }
        if (type == Type.INT64 || type == Type.FLOAT64) {
            return index + 8;
        }
        if (type == Type.UUID) {
            return index + 16;
        }
        if (type == Type.STRING || type == Type.NULLABLE_STRING) {
            return index + 2 + Math.max(buf.getShort(index), 0);
        }
        if (type == Type.BYTES || type == Type.NULLABLE_BYTES || type == Type.RECORDS
                || type == Type.NULLABLE_RECORDS) {
            return index + 4 + Math.max(buf.getInt(index), 0);
        }
        if (type == Type.COMPACT_STRING || type == Type.COMPACT_NULLABLE_STRING || type == Type.COMPACT_BYTES
                || type == Type.COMPACT_NULLABLE_BYTES || type == Type.COMPACT_RECORDS
                || type == Type.COMPACT_NULLABLE_RECORDS) {
            int lengthPlusOne = Varints.unsignedVarint(buf, index);
            return Varints.skipUnsignedVarint(buf, index) + Math.max(lengthPlusOne - 1, 0);
        }
        if (type == Type.VARINT || type == Type.VARLONG) {
            int end = index;
            while ((buf.getByte(end++) & 0x80) != 0) {
                // continuation bit set: keep going
            }
            return end;
        }
        throw new IllegalArgumentException("no skip rule for protocol type " + type);
    }
}
