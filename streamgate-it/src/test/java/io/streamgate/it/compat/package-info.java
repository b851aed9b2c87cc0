/**
 * The compatibility suite: clients other than the Java one, which parse the protocol their own way,
 * through the gateway. librdkafka (via {@code kcat}) and kafkajs.
 */
package io.streamgate.it.compat;
