package io.streamgate.bench.workload;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The record values a workload produces: a small pool of prepared values of one size, handed out in turn, so that
 * making values costs the producer nothing. Random bytes by default (incompressible, though nothing is compressed);
 * JSON documents for the interceptor chain, whose {@code mask-fields} interceptor needs JSON to work on.
 */
public final class RecordValues {

    private static final int POOL = 16;

    private final String kind;
    private final byte[][] pool;

    private RecordValues(String kind, byte[][] pool) {
        this.kind = kind;
        this.pool = pool;
    }

    /** Random bytes of {@code size}. */
    public static RecordValues random(int size) {
        Random random = new Random(size);
        byte[][] pool = new byte[POOL][size];
        for (byte[] value : pool) {
            random.nextBytes(value);
        }
        return new RecordValues("random bytes", pool);
    }

    /**
     * JSON objects of exactly {@code size} bytes, with a customer's {@code ssn} and {@code card} (the fields the
     * chain masks) and a padding field.
     */
    public static RecordValues json(int size) {
        byte[][] pool = new byte[POOL][];
        for (int i = 0; i < POOL; i++) {
            String head = "{\"id\":" + i + ",\"customer\":{\"name\":\"Customer " + i + "\",\"ssn\":\"078-05-112" + (i % 10)
                    + "\",\"card\":\"4111111111111111\"},\"note\":\"";
            String tail = "\"}";
            int padding = size - head.length() - tail.length();
            if (padding < 0) {
                throw new IllegalArgumentException("JSON values need at least " + (head.length() + tail.length())
                        + " bytes: " + size);
            }
            pool[i] = (head + "x".repeat(padding) + tail).getBytes(StandardCharsets.UTF_8);
        }
        return new RecordValues("JSON", pool);
    }

    /** The bytes of every value. */
    public int size() {
        return pool[0].length;
    }

    /** The value of record number {@code sequence}; the same array is handed out again later, never to be changed. */
    public byte[] value(long sequence) {
        return pool[(int) (sequence % POOL)];
    }

    /** e.g. {@code "1024 B of random bytes"}. */
    public String describe() {
        return size() + " B of " + kind;
    }
}
