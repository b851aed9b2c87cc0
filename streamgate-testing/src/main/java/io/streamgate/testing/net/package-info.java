/**
 * Picking TCP ports on the loopback interface for the servers that tests and benchmarks start.
 */
package io.streamgate.testing.net;
