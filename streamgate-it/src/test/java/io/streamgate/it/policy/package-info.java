/**
 * The safeguard policy interceptors installed on a real gateway in front of the three-broker cluster, driven by real
 * Java clients: what they refuse (with the error and message a client sees), let through, or correct, checked
 * directly on Kafka, and the violations they report.
 */
package io.streamgate.it.policy;
