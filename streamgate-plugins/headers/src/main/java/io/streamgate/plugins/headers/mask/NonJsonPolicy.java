package io.streamgate.plugins.headers.mask;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What happens to a fetched value that is not JSON, and so cannot have its fields masked. */
enum NonJsonPolicy {

    /** The value passes unchanged. */
    KEEP("keep"),
    /** The value is replaced by three mask characters ({@code ***}), not by null, which would read as a tombstone. */
    REDACT("redact"),
    /**
     * The consumer gets the records before the value, then a CORRUPT_MESSAGE error for the partition at the
     * value's offset (it may skip it by seeking one further). Share consumers get the value redacted instead.
     */
    FAIL("fail");

    private final String configName;

    NonJsonPolicy(String configName) {
        this.configName = configName;
    }

    String configName() {
        return configName;
    }

    static Optional<NonJsonPolicy> named(String name) {
        return Arrays.stream(values()).filter(policy -> policy.configName.equals(name)).findFirst();
    }

    static List<String> names() {
        return Arrays.stream(values()).map(NonJsonPolicy::configName).toList();
    }
}
