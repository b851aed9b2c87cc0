/**
 * The server side of TLS on client-facing listeners: Kafka's own {@code SslFactory}, configured from a listener's
 * {@code ssl.*} broker properties, that creates the TLS engine of each accepted connection and picks up certificate
 * files changed on disk.
 */
package io.streamgate.core.tls;
