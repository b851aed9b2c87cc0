/** Which resource kinds this gateway manages, and how each is validated before it is stored. */
package io.streamgate.admin.resources;
