/**
 * Resources as documents: parsing JSON and YAML (one document, multi-document YAML, or a JSON array) into
 * {@link io.streamgate.state.Resource}s, strictly, with errors that name the file, the document and the field;
 * and writing resources back as JSON or YAML.
 */
package io.streamgate.state.document;
