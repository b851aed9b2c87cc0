/**
 * Interceptors: the plugins found on the class path and in the plugins directory, the interceptors installed
 * from resources, and the effective chain of each connection, ordered by priority.
 */
package io.streamgate.core.chain;
