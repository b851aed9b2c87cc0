/**
 * The management API under {@code /api/v1}: interceptor resources and the plugin catalogue, authenticated and
 * audited. {@link io.streamgate.admin.api.AdminApi} holds the route table that the admin server registers.
 */
package io.streamgate.admin.api;
