/** The {@code streamgate-bench} command: the end-to-end comparison of direct Kafka and the gateway, and {@code micro}. */
package io.streamgate.bench;
