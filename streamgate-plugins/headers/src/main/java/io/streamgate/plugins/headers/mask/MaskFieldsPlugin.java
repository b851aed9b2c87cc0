package io.streamgate.plugins.headers.mask;

import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PluginContext;
import io.streamgate.plugins.headers.SchemaResource;
import io.streamgate.plugins.headers.TopicFilter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mask-fields}: masks fields of fetched JSON record values. Configuration: {@code rules} (each a
 * {@code path}, a {@code mode} of {@code all}, {@code keepFirst} or {@code keepLast}, and a {@code count} for
 * the last two), {@code maskCharacter} (default {@code *}), {@code topics} (regular expression; default every
 * topic), {@code onNonJson} ({@code keep}, {@code redact} or {@code fail}; default {@code keep}).
 */
public final class MaskFieldsPlugin implements InterceptorPlugin {

    public static final String ID = "mask-fields";

    static final int DEFAULT_COUNT = 4;
    private static final int REDACTED_LENGTH = 3;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Mask fields";
    }

    @Override
    public String description() {
        return "Masks fields of JSON record values as consumers fetch them, e.g. customer.ssn or cards[*].number, "
                + "entirely or keeping the first or last characters; the records stored in Kafka are untouched.";
    }

    @Override
    public String configSchema() {
        return SchemaResource.load(MaskFieldsPlugin.class, ID);
    }

    @Override
    public Interceptor create(PluginConfig config, PluginContext context) {
        int maskCodePoint = maskCharacter(config);
        List<MaskRule> rules = rules(config, maskCodePoint);
        NonJsonPolicy policy = NonJsonPolicy.named(config.string("onNonJson", NonJsonPolicy.KEEP.configName()))
                .orElseThrow(() -> new InvalidConfigException("onNonJson", "must be one of "
                        + NonJsonPolicy.names() + ", got '" + config.string("onNonJson", "") + "'"));
        ByteBuffer redacted = ByteBuffer.wrap(Character.toString(maskCodePoint).repeat(REDACTED_LENGTH)
                .getBytes(StandardCharsets.UTF_8));
        return new MaskFieldsInterceptor(new JsonValueMasker(rules), policy, redacted,
                TopicFilter.from(config, "topics"));
    }

    private static int maskCharacter(PluginConfig config) {
        String mask = config.string("maskCharacter", "*");
        if (mask.codePointCount(0, mask.length()) != 1) {
            throw new InvalidConfigException("maskCharacter", "must be exactly one character, got '" + mask + "'");
        }
        return mask.codePointAt(0);
    }

    private static List<MaskRule> rules(PluginConfig config, int maskCodePoint) {
        Object value = config.asMap().get("rules");
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidConfigException("rules", "at least one rule is required");
        }
        List<MaskRule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String field = "rules[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw new InvalidConfigException(field, "expected an object with path, mode and count");
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, entry) -> copy.put(String.valueOf(key), entry));
            rules.add(rule(field, new PluginConfig(copy), maskCodePoint));
        }
        return rules;
    }

    private static MaskRule rule(String field, PluginConfig rule, int maskCodePoint) {
        try {
            String path = rule.string("path").orElseThrow(() -> new InvalidConfigException("path", "is required"));
            String modeName = rule.string("mode", MaskMode.ALL.configName());
            MaskMode mode = MaskMode.named(modeName).orElseThrow(() -> new InvalidConfigException("mode",
                    "must be one of " + MaskMode.names() + ", got '" + modeName + "'"));
            if (mode == MaskMode.ALL && rule.has("count")) {
                throw new InvalidConfigException("count", "only applies to modes keepFirst and keepLast");
            }
            long count = rule.number("count", DEFAULT_COUNT);
            if (count < 0 || count > Integer.MAX_VALUE) {
                throw new InvalidConfigException("count", "must be between 0 and " + Integer.MAX_VALUE + ", got " + count);
            }
            return new MaskRule(FieldPath.parse("path", path), new TextMask(mode, (int) count, maskCodePoint));
        } catch (InvalidConfigException e) {
            String inner = e.field();
            throw new InvalidConfigException(field + "." + inner, e.getMessage().substring(inner.length() + 2), e);
        }
    }
}
