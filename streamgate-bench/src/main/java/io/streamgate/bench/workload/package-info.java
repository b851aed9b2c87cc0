/** The workloads and the Kafka clients that drive them: produce, consume, end-to-end latency, idle connections. */
package io.streamgate.bench.workload;
