/**
 * The embedded single-node Kafka that Streamgate starts inside its own process when no upstream cluster is
 * configured, so that {@code bin/streamgate} alone gives a working Kafka endpoint whose topics survive restarts.
 */
package io.streamgate.app.embedded;
