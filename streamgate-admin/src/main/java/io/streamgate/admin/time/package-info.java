/** Durations as people write them in resources and API requests ({@code 5s}, {@code 24h}, {@code 30d}, {@code PT5S}). */
package io.streamgate.admin.time;
