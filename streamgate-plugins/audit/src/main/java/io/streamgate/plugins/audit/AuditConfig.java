package io.streamgate.plugins.audit;

import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import org.apache.kafka.common.protocol.ApiKeys;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An audit interceptor's configuration, checked.
 *
 * @param apis the APIs whose requests are audited
 * @param users the principals whose requests are audited; empty for everyone
 * @param topics the expression a request's topic names must match (one is enough); empty for any request
 * @param topic the Kafka topic events are sent to, if any
 * @param file the JSON-lines file events are appended to, if any (resolved against the data directory)
 * @param queueCapacity how many events may wait for each sink before new ones are dropped
 */
record AuditConfig(Set<ApiKeys> apis, Set<String> users, Optional<Pattern> topics, Optional<String> topic,
                   Optional<Path> file, int queueCapacity) {

    static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    AuditConfig {
        apis = Set.copyOf(apis);
        users = Set.copyOf(users);
    }

    static AuditConfig from(PluginConfig config, Path dataDirectory) {
        Set<ApiKeys> apis = apis(config.strings("apis"));
        Set<String> users = Set.copyOf(config.strings("users"));
        Optional<Pattern> topics = config.pattern("topics");
        Optional<String> topic = config.string("topic");
        topic.ifPresent(name -> {
            if (!TOPIC_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
                throw new InvalidConfigException("topic", "'" + name + "' is not a valid Kafka topic name (up to 249 "
                        + "of a-z, A-Z, 0-9, '.', '_', '-')");
            }
        });
        Optional<Path> file = config.string("file").map(path -> file(path, dataDirectory));
        if (topic.isEmpty() && file.isEmpty()) {
            throw new InvalidConfigException("", "at least one sink is required: topic and/or file");
        }
        long capacity = config.number("queueCapacity", DEFAULT_QUEUE_CAPACITY);
        if (capacity < 1 || capacity > 1_000_000) {
            throw new InvalidConfigException("queueCapacity", "must be between 1 and 1000000, got " + capacity);
        }
        return new AuditConfig(apis, users, topics, topic, file, (int) capacity);
    }

    private static Set<ApiKeys> apis(List<String> names) {
        if (names.isEmpty()) {
            throw new InvalidConfigException("apis", "at least one API is required");
        }
        Set<ApiKeys> apis = EnumSet.noneOf(ApiKeys.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int index = i;
            apis.add(Arrays.stream(ApiKeys.values()).filter(api -> api.name.equals(name)).findFirst().orElseThrow(() ->
                    new InvalidConfigException("apis[" + index + "]", "unknown API '" + name + "'" + suggestion(name)
                            + " (API names are spelled as in Kafka's protocol, e.g. Produce, Fetch, CreateTopics)")));
        }
        return apis;
    }

    private static String suggestion(String name) {
        String compact = name.replaceAll("[^A-Za-z]", "");
        return Arrays.stream(ApiKeys.values()).map(api -> api.name).filter(api -> api.equalsIgnoreCase(compact))
                .findFirst().map(api -> "; did you mean '" + api + "'?").orElse("");
    }

    private static Path file(String path, Path dataDirectory) {
        Path resolved;
        try {
            resolved = dataDirectory.resolve(path);
        } catch (InvalidPathException e) {
            throw new InvalidConfigException("file", "not a valid path: " + e.getMessage());
        }
        if (Files.isDirectory(resolved)) {
            throw new InvalidConfigException("file", resolved + " is a directory");
        }
        return resolved;
    }
}
