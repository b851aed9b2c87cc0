/**
 * Built-in interceptor plugins that work on records as they pass: {@code inject-headers} (produce),
 * {@code remove-headers} and {@code mask-fields} (fetch), one sub-package each; this package holds what they
 * share: topic selection, topic-id resolution over Fetch and ShareFetch responses, and schema loading.
 */
package io.streamgate.plugins.headers;
