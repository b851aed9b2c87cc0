package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.errors.InvalidRegularExpression;

/**
 * A client's regular expression over logical names (a consumer's {@code SubscribedTopicRegex}, a ListTransactions
 * {@code TransactionalIdPattern}) as one that the broker applies to physical names. The broker compiles it with RE2J
 * ({@code com.google.re2j.Pattern.compile}) and matches whole names ({@code matcher(name).matches()}), so
 * {@code <quoted prefix>(?:<regex>)} matches exactly the physical names {@code prefix + logical} whose logical part the
 * regex matches, and never a name outside the prefix.
 *
 * <p>That holds only when the regex cannot escape its group or look at the prefix, so it is scanned the way RE2 reads
 * it: parentheses must balance outside character classes and {@code \Q...\E} quotes; {@code ^} may only open the
 * regex (it then moves before the prefix, where it means the same); {@code \A}, {@code \b} and {@code \B} are
 * refused, as their meaning at the start of the logical name depends on the prefix. {@code $} and {@code \z} mean the
 * same on both names. What the scan lets through that RE2 still finds invalid, the broker rejects.
 *
 * <p>Alias topics, whose physical names lie outside the prefix, are not matched by such a regex.
 */
final class TenantRegex {

    /** The characters RE2's {@code QuoteMeta} escapes (among ASCII), as Kafka names may only contain some of them. */
    private static final String META = "\\.+*?()|[]{}^$";

    private TenantRegex() {
    }

    /**
     * The physical form of a logical regex.
     *
     * @throws InvalidRegularExpression when the regex cannot be confined to the prefix
     */
    static String physical(String prefix, String logical) {
        scan(logical);
        boolean anchored = logical.startsWith("^");
        String body = anchored ? logical.substring(1) : logical;
        return (anchored ? "^" : "") + quote(prefix) + "(?:" + body + ")";
    }

    /** The logical form of a regex {@link #physical} made with this prefix, or null when it is not one. */
    static String logical(String prefix, String physical) {
        boolean anchored = physical.startsWith("^");
        String start = quote(prefix) + "(?:";
        int bodyStart = anchored ? 1 : 0;
        if (!physical.startsWith(start, bodyStart) || !physical.endsWith(")")) {
            return null;
        }
        String body = physical.substring(bodyStart + start.length(), physical.length() - 1);
        return (anchored ? "^" : "") + body;
    }

    private static String quote(String literal) {
        StringBuilder quoted = new StringBuilder(literal.length() + 4);
        for (char c : literal.toCharArray()) {
            if (META.indexOf(c) >= 0) {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.toString();
    }

    private static void scan(String regex) {
        int depth = 0;
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            switch (c) {
                case '\\' -> i = escape(regex, i);
                case '[' -> i = characterClass(regex, i);
                case '(' -> {
                    depth++;
                    i++;
                }
                case ')' -> {
                    if (--depth < 0) {
                        throw invalid(regex, "unopened ')'");
                    }
                    i++;
                }
                case '^' -> {
                    if (i > 0) {
                        throw invalid(regex, "'^' is only supported at the start");
                    }
                    i++;
                }
                default -> i++;
            }
        }
        if (depth != 0) {
            throw invalid(regex, "missing ')'");
        }
    }

    /** Skips an escape outside a class, starting at its backslash; returns the index after it. */
    private static int escape(String regex, int at) {
        if (at + 1 >= regex.length()) {
            throw invalid(regex, "trailing '\\'");
        }
        char escaped = regex.charAt(at + 1);
        if (escaped == 'Q') {
            int end = regex.indexOf("\\E", at + 2);
            if (end < 0) {
                throw invalid(regex, "\\Q without \\E");
            }
            return end + 2;
        }
        if (escaped == 'A' || escaped == 'b' || escaped == 'B') {
            throw invalid(regex, "\\" + escaped + " is not supported");
        }
        return at + 2;
    }

    /** Skips a character class as RE2 reads it, starting at its '['; returns the index after its ']'. */
    private static int characterClass(String regex, int at) {
        int i = at + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == ']') {
                return i + 1;
            }
            if (c == '\\') {
                i += 2;
            } else if (regex.startsWith("[:", i) && regex.indexOf(":]", i + 2) >= 0) {
                i = regex.indexOf(":]", i + 2) + 2;
            } else {
                i++;
            }
        }
        throw invalid(regex, "missing ']'");
    }

    private static InvalidRegularExpression invalid(String regex, String reason) {
        return new InvalidRegularExpression("Regular expression `" + regex + "` is not supported in a virtual cluster: "
                + reason + ".");
    }
}
