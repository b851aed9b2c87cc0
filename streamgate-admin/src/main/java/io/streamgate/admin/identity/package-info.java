/**
 * Service accounts, groups and the credentials the gateway holds for them: their resource specs and validation,
 * the signing key of gateway tokens, and the store-backed {@link io.streamgate.core.auth.IdentityDirectory} that
 * client authentication asks.
 */
package io.streamgate.admin.identity;
