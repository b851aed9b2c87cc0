/**
 * The plugin SPI for interceptor authors. It depends on kafka-clients' message classes and nothing else,
 * so that third-party plugins build against this module alone.
 */
package io.streamgate.api;
