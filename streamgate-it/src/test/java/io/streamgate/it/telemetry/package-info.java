/** A broker-side receiver of client telemetry (KIP-714), to prove pushes pass through the gateway. */
package io.streamgate.it.telemetry;
