/**
 * The client-facing listeners: each with its own ports, protocol and routing. Port routing binds a bootstrap port and
 * one port per broker, opened and closed as brokers join and leave; SNI routing serves everything on one TLS port and
 * picks the broker from the TLS server name. Every connection starts with a check that the client speaks the
 * listener's protocol (TLS or not), then gets TLS (on TLS listeners), the frame decoder and a proxy connection. Event
 * loops use native epoll when available.
 */
package io.streamgate.core.listener;
