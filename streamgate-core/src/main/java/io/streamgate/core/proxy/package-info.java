/**
 * Connection pairs: a client connection and its upstream broker connection, on one event loop, forwarding
 * request frames one way and response frames the other, in order, with backpressure both ways.
 * {@code ProxyConnection} is the handler; {@code RequestAdmission}, {@code RequestForwarding} and
 * {@code ResponseForwarding} are its request admission, request path and response path.
 */
package io.streamgate.core.proxy;
