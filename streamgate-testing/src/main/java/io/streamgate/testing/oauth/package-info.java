/**
 * A small OAuth 2 authorization server for tests: a JWKS document and a client-credentials token endpoint, issuing
 * signed JWTs that Kafka brokers and the gateway validate as they would a real identity provider's.
 */
package io.streamgate.testing.oauth;
