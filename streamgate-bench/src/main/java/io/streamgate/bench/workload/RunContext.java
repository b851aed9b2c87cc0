package io.streamgate.bench.workload;

import io.streamgate.bench.harness.Target;

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
}
