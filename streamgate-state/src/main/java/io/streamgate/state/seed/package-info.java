/**
 * Seeding a store at startup from a directory of resource files, validated as a whole before anything is
 * written.
 */
package io.streamgate.state.seed;
