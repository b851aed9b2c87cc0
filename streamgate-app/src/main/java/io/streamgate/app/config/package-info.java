/**
 * Streamgate's configuration: the model ({@link io.streamgate.app.config.StreamgateConfig}), its sources (YAML file,
 * environment variables, command-line options, defaults) and how they are merged, checked and bound. The environment
 * variable of every key is derived from the model, never listed by hand. See
 * {@link io.streamgate.app.config.ConfigLoader} for the precedence rules.
 */
package io.streamgate.app.config;
