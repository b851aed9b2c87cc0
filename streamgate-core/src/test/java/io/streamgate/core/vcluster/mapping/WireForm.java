package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.MessageUtil;
import org.apache.kafka.common.protocol.Readable;

/** Messages as they cross the wire: what a mapped request or response becomes once written at a version. */
final class WireForm {

    private WireForm() {
    }

    /** Writes the message at {@code version} and reads it back: fails when it holds what the version cannot carry. */
    @SuppressWarnings("unchecked")
    static <T extends ApiMessage> T roundTrip(T message, short version) {
        ByteBufferAccessor written = MessageUtil.toByteBufferAccessor(message, version);
        try {
            return (T) message.getClass().getConstructor(Readable.class, short.class)
                    .newInstance(new ByteBufferAccessor(written.buffer()), version);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
