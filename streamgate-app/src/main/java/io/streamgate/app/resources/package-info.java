/**
 * The resource store of a Streamgate process: which one the configuration chooses, and the resource files applied
 * to it at startup.
 */
package io.streamgate.app.resources;
