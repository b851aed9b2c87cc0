/**
 * The client-facing ports: the bootstrap port and one port per broker, opened and closed as brokers join
 * and leave the cluster, on event loops that use native epoll when available.
 */
package io.streamgate.core.listener;
