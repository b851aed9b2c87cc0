/**
 * The {@code schema-id-required-policy} plugin: produced record values must (or must not) start with the schema
 * registry wire format (magic byte 0, then a 4-byte schema id), so that consumers relying on a schema registry can
 * decode every record.
 */
package io.streamgate.plugins.policy.schemaid;
