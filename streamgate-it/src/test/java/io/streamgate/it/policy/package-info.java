/**
 * The policy interceptors (safeguards) installed on a real gateway in front of the three-broker cluster, driven by
 * real Java clients: what they refuse, with which error, what they let through, and the violations they report.
 */
package io.streamgate.it.policy;
