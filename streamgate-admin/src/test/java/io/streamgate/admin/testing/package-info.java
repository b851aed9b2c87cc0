/** What the admin tests share: a tiny plugin with a JSON Schema, and a real admin server over a real file store. */
package io.streamgate.admin.testing;
