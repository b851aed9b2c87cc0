/**
 * The {@code streamgate} command line: commands, options, help text and version, built with picocli. Options
 * become the highest configuration layer; everything else is resolved by {@link io.streamgate.app.config}.
 */
package io.streamgate.app.cli;
