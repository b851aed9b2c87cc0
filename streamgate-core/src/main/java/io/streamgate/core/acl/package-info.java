/**
 * Kafka-style ACLs that the gateway enforces inside a virtual cluster: resource patterns (literal, prefixed,
 * wildcard), principals, hosts, operations with Kafka's implications, allow and deny.
 */
package io.streamgate.core.acl;
