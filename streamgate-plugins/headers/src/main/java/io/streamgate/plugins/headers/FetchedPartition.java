package io.streamgate.plugins.headers;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.ShareFetchResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.BaseRecords;
import org.apache.kafka.common.record.internal.MemoryRecords;

/**
 * One partition of a Fetch or ShareFetch response, with its topic's name resolved: what header and value
 * rewriting needs, whatever the response type and version. Changes write through to the response.
 */
public sealed interface FetchedPartition {

    /** The topic's name, or null when the response names it by an id the cluster does not know. */
    String topicName();

    /** The topic's id, or {@link Uuid#ZERO_UUID} in versions that name topics. */
    Uuid topicId();

    int partition();

    /** Whether the records come from a share group (ShareFetch), not a position-based fetch. */
    boolean shared();

    /** The fetched records; possibly null or empty. */
    BaseRecords records();

    void replaceRecords(BaseRecords records);

    /** Answers this partition with {@code error} and no records; the other partitions are unaffected. */
    void fail(Errors error, String message);

    /** A partition of a Fetch response. */
    record Fetched(String topicName, Uuid topicId, FetchResponseData.PartitionData data) implements FetchedPartition {

        @Override
        public int partition() {
            return data.partitionIndex();
        }

        @Override
        public boolean shared() {
            return false;
        }

        @Override
        public BaseRecords records() {
            return data.records();
        }

        @Override
        public void replaceRecords(BaseRecords records) {
            data.setRecords(records);
        }

        /** Fetch partitions carry no error message; {@code message} is dropped. */
        @Override
        public void fail(Errors error, String message) {
            data.setErrorCode(error.code()).setRecords(MemoryRecords.EMPTY);
        }
    }

    /** A partition of a ShareFetch response. */
    record Shared(String topicName, Uuid topicId, ShareFetchResponseData.PartitionData data) implements FetchedPartition {

        @Override
        public int partition() {
            return data.partitionIndex();
        }

        @Override
        public boolean shared() {
            return true;
        }

        @Override
        public BaseRecords records() {
            return data.records();
        }

        @Override
        public void replaceRecords(BaseRecords records) {
            data.setRecords(records);
        }

        @Override
        public void fail(Errors error, String message) {
            data.setErrorCode(error.code()).setErrorMessage(message).setRecords(MemoryRecords.EMPTY);
        }
    }
}
