package io.streamgate.core.protocol;

import io.netty.buffer.ByteBuf;
import io.streamgate.core.frame.Varints;
import org.apache.kafka.common.protocol.types.BoundField;
import org.apache.kafka.common.protocol.types.CompactArrayOf;
import org.apache.kafka.common.protocol.types.NullableSchema;
import org.apache.kafka.common.protocol.types.Schema;
import org.apache.kafka.common.protocol.types.TaggedFields;
import org.apache.kafka.common.protocol.types.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Steps over encoded values using kafka-clients' protocol schemas, reading only lengths: records and byte
 * fields are skipped, never copied, and nothing is allocated. This is how the gateway finds one field deep
 * in a large response (say, after megabytes of Fetch records) without decoding the response.
 *
 * <p>A schema is compiled once into a {@link Step} plan, where runs of fixed-size fields become one addition and
 * array element types are resolved ahead of time, so that skipping a partition of a Fetch response costs a few
 * reads of lengths rather than a walk of kafka's {@link Type} objects.
 *
 * <p>All positions are absolute indexes into the buffer; its reader index is never moved. Thread-safe.
 */
public final class SchemaWalker {

    private static final Map<Type, Step> PLANS = new ConcurrentHashMap<>();

    private SchemaWalker() {
    }

    /** The index just after the value of {@code type} that starts at {@code index}. */
    public static int skip(Type type, ByteBuf buf, int index) {
        return plan(type).skip(buf, index);
    }

    /**
     * The plan that steps over fields {@code 0 .. fieldIndex - 1} of {@code schema}: applied to the index where a
     * struct starts, it gives the index of field {@code fieldIndex}. Compile it once and keep it.
     */
    public static Step fieldsBefore(Schema schema, int fieldIndex) {
        BoundField[] fields = schema.fields();
        List<Step> steps = new ArrayList<>(fieldIndex);
        for (int i = 0; i < fieldIndex; i++) {
            steps.add(plan(fields[i].def.type));
        }
        return Sequence.of(steps);
    }

    /** A compiled way to step over one encoded value. */
    public interface Step {
        /** The index just after the value that starts at {@code index}. */
        int skip(ByteBuf buf, int index);
    }

    private static Step plan(Type type) {
        Step plan = PLANS.get(type);
        if (plan == null) {
            plan = compile(type);
            PLANS.putIfAbsent(type, plan);
        }
        return plan;
    }

    private static Step compile(Type type) {
        if (type instanceof Schema schema) {
            List<Step> steps = new ArrayList<>();
            for (BoundField field : schema.fields()) {
                steps.add(compile(field.def.type));
            }
            Step body = Sequence.of(steps);
            return schema instanceof NullableSchema ? new NullableStruct(body) : body;
        }
        if (type instanceof TaggedFields) {
            return Leaf.TAGGED_FIELDS;
        }
        if (type.isArray()) {
            return new Array(compile(type.arrayElementType().orElseThrow()), type instanceof CompactArrayOf);
        }
        return leaf(type);
    }

    private static Step leaf(Type type) {
        if (type == Type.BOOLEAN || type == Type.INT8) {
            return new Fixed(1);
        }
        if (type == Type.INT16 || type == Type.UINT16) {
            return new Fixed(2);
        }
        if (type == Type.INT32 || type == Type.UNSIGNED_INT32) {
            return new Fixed(4);
        }
        if (type == Type.INT64 || type == Type.FLOAT64) {
            return new Fixed(8);
        }
        if (type == Type.UUID) {
            return new Fixed(16);
        }
        if (type == Type.STRING || type == Type.NULLABLE_STRING) {
            return Leaf.INT16_LENGTH;
        }
        if (type == Type.BYTES || type == Type.NULLABLE_BYTES || type == Type.RECORDS
                || type == Type.NULLABLE_RECORDS) {
            return Leaf.INT32_LENGTH;
        }
        if (type == Type.COMPACT_STRING || type == Type.COMPACT_NULLABLE_STRING || type == Type.COMPACT_BYTES
                || type == Type.COMPACT_NULLABLE_BYTES || type == Type.COMPACT_RECORDS
                || type == Type.COMPACT_NULLABLE_RECORDS) {
            return Leaf.VARINT_LENGTH;
        }
        if (type == Type.VARINT || type == Type.VARLONG) {
            return Leaf.VARINT;
        }
        throw new IllegalArgumentException("no skip rule for protocol type " + type);
    }

    private record Fixed(int size) implements Step {
        @Override
        public int skip(ByteBuf buf, int index) {
            return index + size;
        }
    }

    /** Fields one after the other; adjacent fixed-size fields are merged into one step. */
    private record Sequence(Step[] steps) implements Step {

        static Step of(List<Step> steps) {
            List<Step> merged = new ArrayList<>(steps.size());
            for (Step step : steps) {
                int last = merged.size() - 1;
                if (step instanceof Fixed fixed && last >= 0 && merged.get(last) instanceof Fixed previous) {
                    merged.set(last, new Fixed(previous.size() + fixed.size()));
                } else {
                    merged.add(step);
                }
            }
            return merged.size() == 1 ? merged.get(0) : new Sequence(merged.toArray(Step[]::new));
        }

        @Override
        public int skip(ByteBuf buf, int index) {
            for (Step step : steps) {
                index = step.skip(buf, index);
            }
            return index;
        }
    }

    private record NullableStruct(Step body) implements Step {
        @Override
        public int skip(ByteBuf buf, int index) {
            return buf.getByte(index) < 0 ? index + 1 : body.skip(buf, index + 1);
        }
    }

    private record Array(Step element, boolean compact) implements Step {
        @Override
        public int skip(ByteBuf buf, int index) {
            int length;
            if (compact) {
                length = Varints.unsignedVarint(buf, index) - 1;
                index = Varints.skipUnsignedVarint(buf, index);
            } else {
                length = buf.getInt(index);
                index += 4;
            }
            if (element instanceof Fixed fixed) {
                return index + Math.max(length, 0) * fixed.size();
            }
            for (int i = 0; i < length; i++) {
                index = element.skip(buf, index);
            }
            return index;
        }
    }

    private enum Leaf implements Step {
        INT16_LENGTH {
            @Override
            public int skip(ByteBuf buf, int index) {
                return index + 2 + Math.max(buf.getShort(index), 0);
            }
        },
        INT32_LENGTH {
            @Override
            public int skip(ByteBuf buf, int index) {
                return index + 4 + Math.max(buf.getInt(index), 0);
            }
        },
        VARINT_LENGTH {
            @Override
            public int skip(ByteBuf buf, int index) {
                int lengthPlusOne = Varints.unsignedVarint(buf, index);
                return Varints.skipUnsignedVarint(buf, index) + Math.max(lengthPlusOne - 1, 0);
            }
        },
        VARINT {
            @Override
            public int skip(ByteBuf buf, int index) {
                int end = index;
                while ((buf.getByte(end++) & 0x80) != 0) {
                    // continuation bit set: keep going
                }
                return end;
            }
        },
        TAGGED_FIELDS {
            @Override
            public int skip(ByteBuf buf, int index) {
                return Varints.skipTaggedFields(buf, index);
            }
        }
    }
}
