package io.streamgate.bench.workload;

import io.streamgate.bench.harness.Target;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * What a workload's run gets: the target its clients connect to, the round, and the topics it may create (on Kafka
 * directly, whatever the target, since creating topics is not what is measured).
 *
 * @param round from 1
 */
public record RunContext(Target target, int round, BenchTopics topics) {

    /** A name for a fresh topic of this run, e.g. {@code throughput-gateway-r2}. */
    public String topicPrefix(String workload) {
        return workload + "-" + target.role().label() + "-r" + round;
    }

    /**
     * Creates a fresh topic for this run on Kafka, under the name Kafka knows it by for this target (prefixed for a
     * virtual cluster), and returns the name the target's clients use.
     */
    public String createTopic(String workload) throws InterruptedException, ExecutionException, TimeoutException {
        return topics.create(target.topicPrefix(), topicPrefix(workload));
    }

    /** Deletes a topic that {@link #createTopic} created. */
    public void deleteTopic(String topic) {
        topics.delete(target.physicalName(topic));
    }

    /** The records that a topic of this run holds on Kafka, under the name Kafka knows it by for this target. */
    public long recordsOnKafka(String topic) throws InterruptedException, ExecutionException, TimeoutException {
        return topics.records(target.physicalName(topic));
    }
}
