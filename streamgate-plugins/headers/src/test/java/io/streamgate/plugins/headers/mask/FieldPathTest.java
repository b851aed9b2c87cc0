package io.streamgate.plugins.headers.mask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.streamgate.api.InvalidConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldPathTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
            "customer.ssn      | {\"customer\":{\"ssn\":\"1\",\"name\":\"n\"}}   | {\"customer\":{\"ssn\":\"X\",\"name\":\"n\"}}",
            "cards[*].number   | {\"cards\":[{\"number\":\"1\"},{\"number\":\"2\"},{}]} | {\"cards\":[{\"number\":\"X\"},{\"number\":\"X\"},{}]}",
            "items[1].price    | {\"items\":[{\"price\":1},{\"price\":2}]}     | {\"items\":[{\"price\":1},{\"price\":\"X\"}]}",
            "[*].ssn           | [{\"ssn\":\"1\"},{\"ssn\":\"2\"}]             | [{\"ssn\":\"X\"},{\"ssn\":\"X\"}]",
            "matrix[*][0]      | {\"matrix\":[[1,2],[3,4]]}                    | {\"matrix\":[[\"X\",2],[\"X\",4]]}",
            "a.b               | {\"a\":[{\"b\":1}]}                          | {\"a\":[{\"b\":1}]}",
            "items[5].price    | {\"items\":[{\"price\":1}]}                  | {\"items\":[{\"price\":1}]}",
            "missing.field     | {\"other\":1}                                | {\"other\":1}",
            "name[*]           | {\"name\":\"not an array\"}                  | {\"name\":\"not an array\"}",
    })
    void selectsWhatThePathNames(String path, String document, String expected) throws Exception {
        JsonNode tree = JSON.readTree(document);

        boolean changed = FieldPath.parse("path", path).replace(tree, node -> TextNode.valueOf("X"));

        assertThat(tree).isEqualTo(JSON.readTree(expected));
        assertThat(changed).isEqualTo(!document.equals(expected));
    }

    @Test
    void reportsNoChangeWhenTheReplacementKeepsTheNode() throws Exception {
        JsonNode tree = JSON.readTree("{\"a\":\"1\"}");

        assertThat(FieldPath.parse("path", "a").replace(tree, node -> node)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a..b       | invalid path 'a..b': empty field name at position 2",
            "a.         | invalid path 'a.': empty field name at position 2",
            ".a         | invalid path '.a': it cannot start with '.'",
            "a[*        | invalid path 'a[*': '[' at position 1 has no closing ']'",
            "a[x]       | invalid path 'a[x]': expected [*] or [n] with a number n >= 0 at position 1, got [x]",
            "a[-1]      | invalid path 'a[-1]': expected [*] or [n] with a number n >= 0 at position 1, got [-1]",
            "a[]        | invalid path 'a[]': expected [*] or [n] with a number n >= 0 at position 1, got []",
            "a]         | invalid path 'a]': unexpected ']' at position 1",
            "a[0]b      | invalid path 'a[0]b': expected '.' or '[' at position 4",
    })
    void refusesMalformedPathsSayingWhere(String path, String message) {
        assertThatThrownBy(() -> FieldPath.parse("rules[3].path", path))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo("rules[3].path");
                    assertThat(e.getMessage()).isEqualTo("rules[3].path: " + message);
                });
    }

    @Test
    void refusesAnEmptyPath() {
        assertThatThrownBy(() -> FieldPath.parse("path", ""))
                .hasMessage("path: a path cannot be empty");
    }
}
