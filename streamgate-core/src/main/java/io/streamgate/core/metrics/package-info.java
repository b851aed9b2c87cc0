/** The gateway's own measurements, recorded through Micrometer: connections, requests, latency, bytes. */
package io.streamgate.core.metrics;
