package io.streamgate.plugins.policy.topicrules;

import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PolicyAction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigRuleTest {

    @Test
    void acceptsAnAllowedValueAndRefusesOthersNamingTheAllowedOnes() {
        ConfigRule rule = rule("cleanup.policy", Map.of("allowed", List.of("delete")));

        assertThat(rule.check("delete")).isEmpty();
        assertThat(rule.check("compact")).hasValue(new Breach("configs.cleanup.policy", PolicyAction.BLOCK, "compact",
                "cleanup.policy compact is not one of the allowed values [delete]", null));
    }

    @Test
    void requiresEveryItemOfAListValueToBeAllowed() {
        ConfigRule rule = rule("cleanup.policy", Map.of("allowed", List.of("delete", "compact")));

        assertThat(rule.check("compact, delete")).isEmpty();
        assertThat(rule.check("compact,remove")).isPresent();
    }

    @Test
    void replacesADisallowedValueWithTheDefault() {
        ConfigRule rule = rule("compression.type", Map.of("allowed", List.of("zstd", "lz4"), "default", "zstd",
                "action", "OVERRIDE"));

        assertThat(rule.check("gzip")).get().satisfies(breach -> {
            assertThat(breach.replacement()).isEqualTo("zstd");
            assertThat(breach.effectiveAction()).isEqualTo(PolicyAction.OVERRIDE);
        });
    }

    @Test
    void clampsToTheBoundCrossed() {
        ConfigRule rule = rule("retention.ms", Map.of("min", 3_600_000, "max", 604_800_000L));

        assertThat(rule.check("3600000")).isEmpty();
        assertThat(rule.check("1000")).get().satisfies(breach -> {
            assertThat(breach.problem()).isEqualTo("retention.ms 1000 is below the minimum of 3600000");
            assertThat(breach.replacement()).isEqualTo("3600000");
        });
        assertThat(rule.check("604800001")).get().satisfies(breach -> {
            assertThat(breach.problem()).isEqualTo("retention.ms 604800001 is above the maximum of 604800000");
            assertThat(breach.replacement()).isEqualTo("604800000");
        });
    }

    @Test
    void comparesDecimalBounds() {
        ConfigRule rule = rule("min.cleanable.dirty.ratio", Map.of("min", 0.1, "max", 0.9));

        assertThat(rule.check("0.5")).isEmpty();
        assertThat(rule.check("0.95")).get().extracting(Breach::replacement).isEqualTo("0.9");
    }

    @Test
    void countsNegativeRetentionAsUnlimitedAboveAnyMaximum() {
        ConfigRule rule = rule("retention.bytes", Map.of("min", 1024, "max", 1_073_741_824));

        assertThat(rule.check("-1")).get().satisfies(breach -> {
            assertThat(breach.value()).isEqualTo("-1");
            assertThat(breach.problem()).isEqualTo("retention.bytes -1 (unlimited) is above the maximum of 1073741824");
            assertThat(breach.replacement()).isEqualTo("1073741824");
        });
        assertThat(rule("retention.ms", Map.of("min", 1)).check("-1")).isEmpty();
    }

    @Test
    void refusesAValueThatIsNotANumberUnlessADefaultReplacesIt() {
        assertThat(rule("segment.bytes", Map.of("max", 1000)).check("big")).get().satisfies(breach -> {
            assertThat(breach.problem()).isEqualTo("segment.bytes big is not a number");
            assertThat(breach.effectiveAction()).isEqualTo(PolicyAction.BLOCK);
        });
        assertThat(rule("segment.bytes", Map.of("max", 1000, "default", 500, "action", "OVERRIDE")).check("big"))
                .get().extracting(Breach::replacement).isEqualTo("500");
    }

    @Test
    void reportsAMissingRequiredConfigAsUnset() {
        ConfigRule rule = rule("min.insync.replicas", Map.of("required", true, "default", 2, "min", 2));

        assertThat(rule.check(null)).hasValue(new Breach("configs.min.insync.replicas", PolicyAction.BLOCK, "unset",
                "min.insync.replicas is not set and is required", "2"));
        assertThat(rule("min.insync.replicas", Map.of("min", 2)).check(null)).isEmpty();
    }

    @Test
    void acceptsAnyValueWithoutAllowedValuesOrBounds() {
        assertThat(rule("message.timestamp.type", Map.of("required", true)).check("LogAppendTime")).isEmpty();
    }

    @Test
    void refusesAllowedValuesTogetherWithBounds() {
        assertThatThrownBy(() -> rule("retention.ms", Map.of("allowed", List.of("1"), "max", 2)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e ->
                        assertThat(e.field()).isEqualTo("configs.retention.ms"));
    }

    @Test
    void refusesADefaultThatBreaksItsOwnRule() {
        assertThatThrownBy(() -> rule("retention.ms", Map.of("max", 10, "default", 20)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e ->
                        assertThat(e.field()).isEqualTo("configs.retention.ms.default"));
    }

    @Test
    void refusesAMinimumAboveTheMaximum() {
        assertThatThrownBy(() -> rule("retention.ms", Map.of("min", 10, "max", 5)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e ->
                        assertThat(e.field()).isEqualTo("configs.retention.ms.min"));
    }

    @Test
    void refusesTheThrottleActionWhichTopicRulesDoNotOffer() {
        assertThatThrownBy(() -> rule("retention.ms", Map.of("max", 5, "action", "THROTTLE")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e ->
                        assertThat(e.field()).isEqualTo("configs.retention.ms.action"));
    }

    private static ConfigRule rule(String key, Map<String, ?> config) {
        return ConfigRule.from(key, new PluginConfig(config), "configs." + key);
    }
}
