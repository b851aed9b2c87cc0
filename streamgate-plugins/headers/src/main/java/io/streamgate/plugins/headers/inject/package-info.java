/**
 * The {@code inject-headers} plugin: adds headers, rendered from templates such as {@code {{user}}} or
 * {@code {{uuid}}}, to the records of Produce requests before they reach the broker.
 */
package io.streamgate.plugins.headers.inject;
