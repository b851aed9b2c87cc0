/**
 * The {@code mask-fields} plugin: masks fields of the JSON values consumers fetch (field paths such as
 * {@code cards[*].number}, three masking modes), with a policy for values that are not JSON.
 */
package io.streamgate.plugins.headers.mask;
