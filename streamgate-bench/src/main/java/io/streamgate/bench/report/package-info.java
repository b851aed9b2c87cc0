/** Turns the rounds' figures into medians and ratios, and writes {@code results.json} and {@code results.md}. */
package io.streamgate.bench.report;
