/**
 * Broker addresses: where each upstream broker really is, which gateway port stands for it, and rewriting
 * every response that tells a client where brokers are so that clients only ever see gateway addresses.
 */
package io.streamgate.core.address;
