/**
 * Throw-away X.509 certificates for tests: a test CA and the server and client certificates it signs, as PEM
 * files and PKCS12 stores.
 */
package io.streamgate.testing.tls;
