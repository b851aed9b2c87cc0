/**
 * The {@code remove-headers} plugin: strips headers whose key matches a regular expression from the records
 * that consumers fetch, leaving the stored records untouched.
 */
package io.streamgate.plugins.headers.remove;
