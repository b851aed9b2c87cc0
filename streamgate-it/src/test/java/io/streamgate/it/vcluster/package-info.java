/**
 * Virtual clusters through a real cluster: isolation between tenants, ACLs, placement of connections, and real
 * workloads (Java clients, Kafka Streams) inside a virtual cluster.
 */
package io.streamgate.it.vcluster;
