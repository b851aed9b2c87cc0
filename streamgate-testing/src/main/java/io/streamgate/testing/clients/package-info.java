/** Real Kafka clients preconfigured for a bootstrap address, closed for you when a test ends. */
package io.streamgate.testing.clients;
