/**
 * JMH micro-benchmarks of the gateway's hot paths: passthrough framing, full decode and encode of Produce and
 * Fetch, chain dispatch, and broker address rewriting. Run with {@code bin/streamgate-bench micro}.
 */
package io.streamgate.bench.micro;
