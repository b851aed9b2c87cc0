/**
 * The {@code streamgate} process: {@link io.streamgate.app.Main}, the wiring of embedded Kafka, gateway and admin
 * server ({@link io.streamgate.app.StreamgateApplication}), and its life from launch to a signal-driven stop.
 */
package io.streamgate.app;
