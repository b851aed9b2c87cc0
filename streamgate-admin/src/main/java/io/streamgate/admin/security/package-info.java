/**
 * Who may use the admin API: bearer tokens and HTTP basic users with a role ({@code admin} reads and writes,
 * {@code viewer} reads), compared in constant time, and the token generated in the data directory when none is
 * configured.
 */
package io.streamgate.admin.security;
