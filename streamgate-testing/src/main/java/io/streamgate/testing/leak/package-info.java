/** Checks that tests leave no leaked Netty buffers behind. */
package io.streamgate.testing.leak;
