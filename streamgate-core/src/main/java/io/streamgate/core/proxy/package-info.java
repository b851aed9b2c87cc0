/**
 * Connection pairs: a client connection and its upstream broker connection, on one event loop, forwarding
 * request frames one way and response frames the other, in order, with backpressure both ways.
 */
package io.streamgate.core.proxy;
