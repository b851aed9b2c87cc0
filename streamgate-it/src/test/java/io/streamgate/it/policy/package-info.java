/**
 * The policy interceptors (issue 7) installed on a real gateway in front of the three-broker cluster, driven by real
 * Java clients: the violating request refused with the documented error and message, the compliant one accepted, the
 * violation audited, and what an OVERRIDE changed checked directly on Kafka.
 */
package io.streamgate.it.policy;
