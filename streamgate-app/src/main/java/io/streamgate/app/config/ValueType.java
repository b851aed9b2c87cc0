package io.streamgate.app.config;

import io.streamgate.core.address.HostPort;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The kind of value a configuration key holds, chosen from the Java type of its record component. Each kind reads
 * a value from YAML (typed) or from the environment and the command line (text) and says what it expected when it
 * cannot.
 */
sealed interface ValueType {

    /**
     * Reads the value.
     *
     * @throws InvalidValueException if the node does not hold a value of this kind
     */
    Object read(JsonNode node) throws InvalidValueException;

    /** What a valid value looks like, completing "expected ...". */
    String expectation();

    /** True for a map whose entries are named by the user, such as {@code upstream.properties}. */
    default boolean isOpenMap() {
        return false;
    }

    /** True when values may hold secrets, so that error messages must not repeat them. */
    default boolean isSensitive() {
        return false;
    }

    /** The kind of value {@code component} holds. */
    static ValueType of(RecordComponent component) {
        Class<?> type = component.getType();
        Range range = component.getAnnotation(Range.class);
        if (type == int.class) {
            return range == null ? new IntegerValue(Integer.MIN_VALUE, Integer.MAX_VALUE)
                    : new IntegerValue(range.min(), range.max());
        }
        if (type == boolean.class) {
            return new BooleanValue();
        }
        if (type == OptionalInt.class) {
            return new NodeIdValue(range == null ? 0 : range.min());
        }
        if (type == Duration.class) {
            return new DurationValue();
        }
        if (type == String.class) {
            return new TextValue();
        }
        if (type == Path.class) {
            return new PathValue();
        }
        if (type == Optional.class && typeArgument(component.getGenericType(), 0) == Path.class) {
            return new OptionalPathValue();
        }
        if (type == Optional.class && typeArgument(component.getGenericType(), 0) == String.class) {
            return component.isAnnotationPresent(Secret.class) ? new OptionalSecretValue() : new OptionalTextValue();
        }
        if (type == List.class && typeArgument(component.getGenericType(), 0) == String.class) {
            return new TextListValue();
        }
        if (type == List.class && typeArgument(component.getGenericType(), 0) == StreamgateConfig.Listener.class) {
            return new ListenerListValue();
        }
        if (type.isEnum()) {
            return new EnumValue(type);
        }
        if (type == List.class && typeArgument(component.getGenericType(), 0) == HostPort.class) {
            return new HostPortListValue();
        }
        if (type == List.class && typeArgument(component.getGenericType(), 0) instanceof Class<?> element
                && element.isRecord()) {
            return new RecordListValue(element.asSubclass(Record.class));
        }
        if (type == Map.class && typeArgument(component.getGenericType(), 0) == String.class
                && typeArgument(component.getGenericType(), 1) == String.class) {
            return new OpenMapValue();
        }
        throw new IllegalStateException("no configuration value type for " + component.getGenericType()
                + " " + component.getName() + ": add one to ValueType");
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[index] : null;
    }

    /** An integer within inclusive bounds. */
    record IntegerValue(long min, long max) implements ValueType {

        @Override
        public Object read(JsonNode node) throws InvalidValueException {
            long value;
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                value = node.longValue();
            } else if (node.isTextual()) {
                try {
                    value = Long.parseLong(node.textValue().trim());
                } catch (NumberFormatException e) {
                    throw new InvalidValueException();
                }
            } else {
                throw new InvalidValueException();
            }
            if (value < min || value > max) {
                throw new InvalidValueException();
            }
            return (int) value;
        }

        @Override
        public String expectation() {
            if (min == Integer.MIN_VALUE && max == Integer.MAX_VALUE) {
                return "an integer";
            }
            return max == Integer.MAX_VALUE ? "an integer >= " + min : "an integer " + min + ".." + max;
        }
    }

    /** {@code true} or {@code false}: a YAML boolean, or that text in any case. */
    record BooleanValue() implements ValueType {

        @Override
        public Object read(JsonNode node) throws InvalidValueException {
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            String text = node.isTextual() ? node.textValue().trim() : "";
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            throw new InvalidValueException();
        }

        @Override
        public String expectation() {
            return "true or false";
        }
    }

    /** A node id, or {@code auto} (empty) to let the gateway pick the lowest one it sees. */
    record NodeIdValue(long min) implements ValueType {

        @Override
        public Object read(JsonNode node) throws InvalidValueException {
            if (node.isTextual() && node.textValue().trim().equalsIgnoreCase("auto")) {
                return OptionalInt.empty();
            }
            return OptionalInt.of((Integer) new IntegerValue(min, Integer.MAX_VALUE).read(node));
        }

        @Override
        public String expectation() {
            return "'auto' or an integer >= " + min;
        }
    }

    /** A duration: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, {@code 1d} or ISO-8601 such as {@code PT10S}. */
    record DurationValue() implements ValueType {

        @Override
        public Object read(JsonNode node) throws InvalidValueException {
            if (!node.isTextual()) {
                // A bare number has no unit; guessing one would make "shutdownTimeout: 10" mean 10 ms or 10 s.
                throw new InvalidValueException();
            }
            try {
                return DurationText.parse(node.textValue());
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException();
            }
        }

        @Override
        public String expectation() {
            return "a duration such as 500ms, 10s, 2m, 1h or PT10S";
        }
    }

    /** Non-blank text; YAML numbers and booleans are taken as their text. */
    record TextValue() implements ValueType {

        @Override
        public Object read(JsonNode node) throws InvalidValueException {
            if (!node.isValueNode() || node.isNull() || node.asText().isBlank()) {
                throw new InvalidValueException();
            }
            return node.asText().trim();
        }

        @Override
        public String expectation() {
            return "a non-empty string";
        }
    }

    /** Text, or nothing: a missing, null or blank value is empty. */
    record OptionalTextValue() implements ValueType {

        @Override
        public Object read(JsonNode node) throws InvalidValueException {
            if (node.isNull() || node.isMissingNode()) {
                return Optional.empty();
            }
            if (!node.isValueNode()) {
                throw new InvalidValueException();
            }
            String text = node.asText().trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }

        @Override
        public String expectation() {
            return "a string, or nothing";
        }
    }

    /** Strings: a comma-separated string, or a YAML list; empty is allowed. */
    record TextListValue() implements ValueType {

        @Override
        public Object read(JsonNode node) throws InvalidValueException {
            List<String> items = new ArrayList<>();
            if (node.isArray()) {
                for (JsonNode item : node) {
                    if (!item.isValueNode() || item.isNull()) {
                        throw new InvalidValueException();
                    }
                    items.add(item.asText());
                }
            } else if (node.isValueNode() && !node.isNull()) {
                items.addAll(Arrays.asList(node.asText().split(",")));
            } else {
                throw new InvalidValueException();
            }
            return items.stream().map(String::trim).filter(item -> !item.isEmpty()).toList();
        }

        @Override
        public String expectation() {
            return "a list of strings (comma-separated)";
        }
    }

    /**
     * The additional listeners: a YAML list of listener sections, or the same as YAML or JSON text in the environment.
     * Each element is bound like the top level (same key names, same defaults as {@link ListenerSection#defaults}),
     * and must have a name and a port. TLS and authentication settings may hold secrets, so problems name the
     * element and key, never a value.
     */
    record ListenerListValue() implements ValueType {

        @Override
        public Object read(JsonNode node) throws InvalidValueException {
            JsonNode list = yamlList(node, expectation());
            if (list == null) {
                return List.of();
            }
            List<StreamgateConfig.Listener> listeners = new ArrayList<>(list.size());
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                listeners.add(ListenerSection.bind(list.get(i), "[" + i + "]", problems));
            }
            if (!problems.isEmpty()) {
                // The first problem completes the key's name; the others name it themselves.
                throw new InvalidValueException(String.join("; listeners", problems));
            }
            return List.copyOf(listeners);
        }

        @Override
        public String expectation() {
            return "a list of listeners {name, port, bind, advertisedHost, brokerPorts, securityProtocol, tls, "
                    + "routing, sni, authentication}";
        }

        @Override
        public boolean isSensitive() {
            return true;
        }
    }

    /** A file system path, relative to the working directory unless absolute. */
    record PathValue() implements ValueType {

        @Override
        public Object read(JsonNode node) throws InvalidValueException {
            String text = (String) new TextValue().read(node);
            try {
                return Path.of(text);
            } catch (RuntimeException e) {
                throw new InvalidValueException();
            }
        }

        @Override
        public String expectation() {
            return "a file system path";
        }
    }

    /** {@code host:port} pairs: a comma-separated string, or a YAML list; empty is allowed. */
    record HostPortListValue() implements ValueType {

        @Override
        public Object read(JsonNode node) throws InvalidValueException {
            List<String> items = new ArrayList<>();
            if (node.isTextual()) {
                for (String item : node.textValue().split(",")) {
                    if (!item.isBlank()) {
                        items.add(item);
                    }
                }
            } else if (node.isArray()) {
                for (JsonNode element : node) {
                    if (!element.isTextual()) {
                        throw new InvalidValueException();
                    }
                    items.add(element.textValue());
                }
            } else {
                throw new InvalidValueException();
            }
            List<HostPort> servers = new ArrayList<>(items.size());
            for (String item : items) {
                try {
                    servers.add(HostPort.parse(item));
                } catch (IllegalArgumentException e) {
                    throw new InvalidValueException();
                }
            }
            return List.copyOf(servers);
        }

        @Override
        public String expectation() {
            return "HOST:PORT[,HOST:PORT...]";
        }
    }

    /** Entries named by the user, each a scalar taken as text. */
    record OpenMapValue() implements ValueType {

        @Override
        public Object read(JsonNode node) throws InvalidValueException {
            if (!node.isObject()) {
                throw new InvalidValueException();
            }
            Map<String, String> entries = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                entries.put(entry.getKey(), readEntry(entry.getValue()));
            }
            return entries;
        }

        /** One entry's value: any scalar, as text. */
        String readEntry(JsonNode value) throws InvalidValueException {
            if (!value.isValueNode() || value.isNull()) {
                throw new InvalidValueException();
            }
            return value.asText();
        }

        @Override
        public String expectation() {
            return "a map of names to values";
        }

        @Override
        public boolean isOpenMap() {
            return true;
        }
    }

    /** A file system path, or none: a YAML null or an empty string. */
    record OptionalPathValue() implements ValueType {

        @Override
        public Object read(JsonNode node) throws InvalidValueException {
            if (node.isNull() || node.isTextual() && node.textValue().isBlank()) {
                return Optional.empty();
            }
            return Optional.of((Path) new PathValue().read(node));
        }

        @Override
        public String expectation() {
            return "a file system path";
        }
    }

    /**
     * Optional text that may be a secret (a signing key): none is a YAML null or an empty string. Error messages never
     * repeat the value.
     */
    record OptionalSecretValue() implements ValueType {

        @Override
        public Object read(JsonNode node) throws InvalidValueException {
            if (node.isNull() || node.isTextual() && node.textValue().isBlank()) {
                return Optional.empty();
            }
            return Optional.of((String) new TextValue().read(node));
        }

        @Override
        public String expectation() {
            return "a string";
        }

        @Override
        public boolean isSensitive() {
            return true;
        }
    }

    /** One of an enum's constants, written in lower case ({@code file}, {@code kafka}); any case is read. */
    record EnumValue(Class<?> type) implements ValueType {

        @Override
        public Object read(JsonNode node) throws InvalidValueException {
            if (!node.isTextual()) {
                throw new InvalidValueException();
            }
            return constant(type, node.textValue()).orElseThrow(InvalidValueException::new);
        }

        static Optional<Object> constant(Class<?> type, String text) {
            String wanted = text.trim();
            return Arrays.<Object>stream(type.getEnumConstants())
                    .filter(constant -> ((Enum<?>) constant).name().equalsIgnoreCase(wanted))
                    .findFirst();
        }

        static String names(Class<?> type) {
            return String.join(" or ", Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT)).toList());
        }

        @Override
        public String expectation() {
            return names(type);
        }
    }

    /**
     * A list given as a YAML list (in the file) or as YAML or JSON text (in the environment): the list, or null when
     * the text is blank. Error messages never repeat the value, which may hold secrets.
     */
    private static JsonNode yamlList(JsonNode node, String expectation) throws InvalidValueException {
        JsonNode list = node;
        if (node.isTextual()) {
            if (node.textValue().isBlank()) {
                return null;
            }
            try {
                list = new YAMLMapper().readTree(node.textValue());
            } catch (JsonProcessingException e) {
                throw new InvalidValueException(": expected " + expectation + " as YAML or JSON text, which it is not");
            }
        }
        if (list == null || !list.isArray()) {
            throw new InvalidValueException(": expected " + expectation);
        }
        return list;
    }

    /**
     * A list of small records, e.g. {@code [{name: ci, token: ..., role: admin}]}: a YAML list in the file, the same
     * as YAML or JSON text in the environment. Every component is required; components are text or enum constants.
     * Values may be secrets, so error messages name the position and the field, never the value.
     */
    record RecordListValue(Class<? extends Record> element) implements ValueType {

        @Override
        public Object read(JsonNode node) throws InvalidValueException {
            JsonNode list = yamlList(node, expectation());
            if (list == null) {
                return List.of();
            }
            List<Object> records = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                records.add(readRecord(list.get(i), "[" + i + "]"));
            }
            return List.copyOf(records);
        }

        private Object readRecord(JsonNode object, String position) throws InvalidValueException {
            if (!object.isObject()) {
                throw new InvalidValueException(position + ": expected {" + fieldNames() + "}");
            }
            RecordComponent[] components = element.getRecordComponents();
            List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
            for (Iterator<String> fields = object.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                if (!names.contains(field)) {
                    throw new InvalidValueException(position + "." + field + ": unknown field; expected "
                            + fieldNames());
                }
            }
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                types[i] = component.getType();
                JsonNode value = object.get(component.getName());
                String field = position + "." + component.getName();
                if (value == null || value.isNull() || value.isValueNode() && value.asText().isBlank()) {
                    throw new InvalidValueException(field + ": required");
                }
                if (!value.isValueNode()) {
                    throw new InvalidValueException(field + ": expected a single value");
                }
                values[i] = componentValue(component, value.asText(), field);
            }
            try {
                Constructor<? extends Record> constructor = element.getDeclaredConstructor(types);
                return constructor.newInstance(values);
            } catch (InvocationTargetException e) {
                throw new InvalidValueException(position + ": " + e.getCause().getMessage());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot construct " + element, e);
            }
        }

        private static Object componentValue(RecordComponent component, String text, String field)
                throws InvalidValueException {
            if (component.getType() == String.class) {
                return text;
            }
            if (component.getType().isEnum()) {
                Class<?> type = component.getType();
                return EnumValue.constant(type, text).orElseThrow(() -> new InvalidValueException(field
                        + ": expected " + EnumValue.names(type)));
            }
            throw new IllegalStateException("no configuration value type for " + component);
        }

        private String fieldNames() {
            return String.join(", ", Arrays.stream(element.getRecordComponents()).map(RecordComponent::getName)
                    .toList());
        }

        @Override
        public String expectation() {
            return "a list of {" + fieldNames() + "}";
        }

        @Override
        public boolean isSensitive() {
            return true;
        }
    }
}
