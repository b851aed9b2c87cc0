package io.streamgate.state;

import io.streamgate.api.Scope;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What identifies a resource: its kind, its scope and its name. The same name may exist at several scopes
 * (an interceptor named {@code add-tracing-headers} globally and another for user {@code alice}); those are
 * different resources. Immutable.
 *
 * @param kind the kind, e.g. {@code Interceptor}: an upper-case letter, then letters and digits
 * @param name the name: a letter or digit, then up to 252 letters, digits, {@code .}, {@code _} or {@code -}
 * @param scope whom the resource applies to; null means {@link Scope#GLOBAL}
 */
public record ResourceId(String kind, String name, Scope scope) implements Comparable<ResourceId> {

    /** What a kind may look like. */
    public static final Pattern KIND_PATTERN = Pattern.compile("[A-Z][A-Za-z0-9]*");

    /** What a name may look like. */
    public static final Pattern NAME_PATTERN = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,252}");

    /** Kind, then name, then scope (global first, then by {@link Scope#toString()}). */
    private static final Comparator<ResourceId> ORDER = Comparator.comparing(ResourceId::kind)
            .thenComparing(ResourceId::name)
            .thenComparing(ResourceId::scope, Comparator.comparing(Scope::isGlobal).reversed()
                    .thenComparing(Scope::toString));

    public ResourceId {
        if (!isValidKind(kind)) {
            throw new IllegalArgumentException(kindProblem(kind));
        }
        if (!isValidName(name)) {
            throw new IllegalArgumentException(nameProblem(name));
        }
        scope = scope == null ? Scope.GLOBAL : scope;
    }

    public static boolean isValidKind(String kind) {
        return kind != null && KIND_PATTERN.matcher(kind).matches();
    }

    public static boolean isValidName(String name) {
        return name != null && NAME_PATTERN.matcher(name).matches();
    }

    /** Why {@code kind} is not a valid kind, for an error message. */
    public static String kindProblem(String kind) {
        return "'" + kind + "' is not a valid kind: expected an upper-case letter followed by letters and digits";
    }

    /** Why {@code name} is not a valid name, for an error message. */
    public static String nameProblem(String name) {
        return "'" + name + "' is not a valid name: expected 1 to 253 letters, digits, '.', '_' or '-', "
                + "starting with a letter or digit";
    }

    @Override
    public int compareTo(ResourceId other) {
        return ORDER.compare(this, Objects.requireNonNull(other, "other"));
    }

    /** A short text form for messages and logs, e.g. {@code Interceptor add-tracing-headers (username=alice)}. */
    @Override
    public String toString() {
        return kind + " " + name + " (" + scope + ")";
    }
}
