/**
 * Interceptor resources: the {@code Interceptor} kind's spec, its mapping to the registry's definitions, the
 * validator that refuses what this gateway could not install, and the sync that keeps the registry equal to the
 * resource store.
 */
package io.streamgate.admin.interceptors;
