/** Starts the Kafka broker(s) and the gateway in their own JVMs, watches their CPU and memory, and runs the rounds. */
package io.streamgate.bench.harness;
