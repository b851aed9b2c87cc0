package io.streamgate.core.vcluster.mapping;

import com.google.re2j.Pattern;
import org.apache.kafka.common.errors.InvalidRegularExpression;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checked with RE2J and whole-name matching, as Kafka's group and transaction coordinators match. */
class TenantRegexTest {

    private static boolean brokerMatches(String physicalRegex, String physicalName) {
        return Pattern.compile(physicalRegex).matcher(physicalName).matches();
    }

    @Test
    void physicalRegexMatchesTheTenantsTopicsOnly() {
        String physical = TenantRegex.physical("a.", "orders.*");

        assertThat(brokerMatches(physical, "a.orders")).isTrue();
        assertThat(brokerMatches(physical, "a.orders-eu")).isTrue();
        assertThat(brokerMatches(physical, "b.orders")).isFalse();
        assertThat(brokerMatches(physical, "orders")).isFalse();
        assertThat(brokerMatches(physical, "a.payments")).isFalse();
        assertThat(brokerMatches(physical, "aXorders")).as("the prefix's dot is literal").isFalse();
    }

    @Test
    void alternativesStayInsideThePrefix() {
        String physical = TenantRegex.physical("a.", "orders|b\\..*");

        assertThat(brokerMatches(physical, "a.orders")).isTrue();
        assertThat(brokerMatches(physical, "a.b.x")).isTrue();
        assertThat(brokerMatches(physical, "b.x")).isFalse();
        assertThat(brokerMatches(physical, "orders")).isFalse();
    }

    @Test
    void leadingCaretMovesBeforeThePrefixAndKeepsItsMeaning() {
        String physical = TenantRegex.physical("a.", "^orders.*$");

        assertThat(brokerMatches(physical, "a.orders1")).isTrue();
        assertThat(brokerMatches(physical, "b.orders1")).isFalse();
        assertThat(TenantRegex.logical("a.", physical)).isEqualTo("^orders.*$");
    }

    @Test
    void caseInsensitiveFlagDoesNotReachThePrefix() {
        String physical = TenantRegex.physical("a.", "(?i)orders");

        assertThat(brokerMatches(physical, "a.ORDERS")).isTrue();
        assertThat(brokerMatches(physical, "A.orders")).isFalse();
    }

    @Test
    void parenthesesAndQuotesInsideClassesAreReadAsRe2ReadsThem() {
        String physical = TenantRegex.physical("a.", "[)(]x|\\Q)\\E|[]a]");

        assertThat(brokerMatches(physical, "a.)x")).isTrue();
        assertThat(brokerMatches(physical, "a.)")).isTrue();
        assertThat(brokerMatches(physical, "a.]")).isTrue();
        assertThat(brokerMatches(physical, ")x")).isFalse();
    }

    @Test
    void regexThatWouldCloseTheGroupIsRefused() {
        assertThatThrownBy(() -> TenantRegex.physical("a.", "x)|(?:.*"))
                .isInstanceOf(InvalidRegularExpression.class);
        assertThatThrownBy(() -> TenantRegex.physical("a.", "x)|(.*"))
                .isInstanceOf(InvalidRegularExpression.class);
        assertThatThrownBy(() -> TenantRegex.physical("a.", "(.*"))
                .isInstanceOf(InvalidRegularExpression.class);
        assertThatThrownBy(() -> TenantRegex.physical("a.", "\\Q.*"))
                .as("an unterminated quote would swallow the closing parenthesis")
                .isInstanceOf(InvalidRegularExpression.class);
        assertThatThrownBy(() -> TenantRegex.physical("a.", "[x)"))
                .isInstanceOf(InvalidRegularExpression.class);
    }

    @Test
    void anchorsWhoseMeaningDependsOnThePrefixAreRefused() {
        assertThatThrownBy(() -> TenantRegex.physical("a.", "x|^y")).isInstanceOf(InvalidRegularExpression.class);
        assertThatThrownBy(() -> TenantRegex.physical("a.", "\\Aorders")).isInstanceOf(InvalidRegularExpression.class);
        assertThatThrownBy(() -> TenantRegex.physical("a.", "\\borders")).isInstanceOf(InvalidRegularExpression.class);
    }

    @Test
    void negatedClassesAreAccepted() {
        String physical = TenantRegex.physical("a.", "[^_].*");

        assertThat(brokerMatches(physical, "a.orders")).isTrue();
        assertThat(brokerMatches(physical, "a._internal")).isFalse();
    }

    @Test
    void logicalFormIsRecoveredOnlyFromThisPrefixesRegexes() {
        assertThat(TenantRegex.logical("a.", TenantRegex.physical("a.", "orders.*"))).isEqualTo("orders.*");
        assertThat(TenantRegex.logical("a.", TenantRegex.physical("b.", "orders.*"))).isNull();
        assertThat(TenantRegex.logical("a.", "orders.*")).isNull();
    }
}
