/**
 * The safeguard policy plugins installed on a real gateway in front of the three-broker cluster, driven by real Java
 * clients: what they refuse, with which error and message, what they let through or rewrite, and what they report.
 */
package io.streamgate.it.policy;
