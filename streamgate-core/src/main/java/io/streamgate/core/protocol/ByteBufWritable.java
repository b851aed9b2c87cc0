package io.streamgate.core.protocol;

import io.netty.buffer.ByteBuf;
import org.apache.kafka.common.protocol.Writable;

import java.nio.ByteBuffer;

/** Lets kafka-clients' generated message classes write straight into a Netty buffer. */
public final class ByteBufWritable implements Writable {

    private final ByteBuf buf;

    public ByteBufWritable(ByteBuf buf) {
        this.buf = buf;
    }

    @Override
    public void writeByte(byte val) {
        buf.writeByte(val);
    }

    @Override
    public void writeShort(short val) {
        buf.writeShort(val);
    }

    @Override
    public void writeInt(int val) {
        buf.writeInt(val);
    }

    @Override
    public void writeLong(long val) {
        buf.writeLong(val);
    }

    @Override
    public void writeDouble(double val) {
        buf.writeDouble(val);
    }

    @Override
    public void writeByteArray(byte[] arr) {
        buf.writeBytes(arr);
    }

    @Override
    public void writeUnsignedVarint(int i) {
        while ((i & 0xffffff80) != 0) {
            buf.writeByte((i & 0x7f) | 0x80);
            i >>>= 7;
        }
        buf.writeByte(i);
    }

    @Override
    public void writeByteBuffer(ByteBuffer src) {
        buf.writeBytes(src.duplicate());
    }

    @Override
    public void writeVarint(int i) {
        writeUnsignedVarint((i << 1) ^ (i >> 31));
    }

    @Override
    public void writeVarlong(long i) {
        long v = (i << 1) ^ (i >> 63);
        while ((v & 0xffffffffffffff80L) != 0L) {
            buf.writeByte(((int) v & 0x7f) | 0x80);
            v >>>= 7;
        }
        buf.writeByte((int) v);
    }
}
