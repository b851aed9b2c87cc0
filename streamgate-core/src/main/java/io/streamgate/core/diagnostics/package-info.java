/** Self-checks of the running gateway, such as counting leaked Netty buffers. */
package io.streamgate.core.diagnostics;
