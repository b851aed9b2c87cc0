package io.streamgate.plugins.headers.mask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextMaskTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void masksEveryCharacterKeepingTheLength() {
        assertThat(new TextMask(MaskMode.ALL, 0, '*').mask("secret")).isEqualTo("******");
    }

    @Test
    void keepsTheFirstOrLastCharactersInClear() {
        assertThat(new TextMask(MaskMode.KEEP_FIRST, 2, '*').mask("4111222233334444")).isEqualTo("41**************");
        assertThat(new TextMask(MaskMode.KEEP_LAST, 4, '#').mask("4111222233334444")).isEqualTo("############4444");
    }

    @Test
    void neverRevealsAWholeValueNoLongerThanCount() {
        assertThat(new TextMask(MaskMode.KEEP_LAST, 4, '*').mask("1234")).isEqualTo("****");
        assertThat(new TextMask(MaskMode.KEEP_FIRST, 4, '*').mask("12")).isEqualTo("**");
        assertThat(new TextMask(MaskMode.KEEP_LAST, 4, '*').mask("12345")).isEqualTo("*2345");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        assertThat(new TextMask(MaskMode.KEEP_LAST, 1, '•').mask("a😀b😀")).isEqualTo("•••😀");
        assertThat(new TextMask(MaskMode.ALL, 0, 0x1F512).mask("ab")).isEqualTo("🔒🔒");
    }

    @Test
    void masksNumbersAndBooleansAsStringsOfTheirText() throws Exception {
        TextMask mask = new TextMask(MaskMode.KEEP_LAST, 2, '*');

        assertThat(mask.maskTree(JSON.readTree("123456"))).isEqualTo(JSON.readTree("\"****56\""));
        assertThat(mask.maskTree(JSON.readTree("true"))).isEqualTo(JSON.readTree("\"**ue\""));
        assertThat(new TextMask(MaskMode.ALL, 0, '*').maskTree(JSON.readTree("-1.25"))).isEqualTo(JSON.readTree("\"*****\""));
    }

    @Test
    void masksObjectsAndArraysLeafByLeafKeepingNullsAndFieldNames() throws Exception {
        JsonNode card = JSON.readTree("{\"number\":\"4111\",\"cvv\":123,\"valid\":true,\"note\":null,\"tags\":[\"ab\",7]}");

        JsonNode masked = new TextMask(MaskMode.ALL, 0, '*').maskTree(card);

        assertThat(masked).isEqualTo(JSON.readTree(
                "{\"number\":\"****\",\"cvv\":\"***\",\"valid\":\"****\",\"note\":null,\"tags\":[\"**\",\"*\"]}"));
        assertThat(card.get("number").asText()).as("the original is not modified").isEqualTo("4111");
    }

    @Test
    void returnsTheSameNodeWhenNothingChanges() throws Exception {
        JsonNode nothing = JSON.readTree("{\"a\":null,\"b\":\"\",\"c\":[]}");

        assertThat(new TextMask(MaskMode.ALL, 0, '*').maskTree(nothing)).isSameAs(nothing);
    }
}
