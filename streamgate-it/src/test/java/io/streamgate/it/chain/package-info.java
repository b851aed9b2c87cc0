/** The interceptor chain through the gateway: order, selective decoding, outcomes, failures, live changes. */
package io.streamgate.it.chain;
