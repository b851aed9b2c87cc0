package io.streamgate.core.acl;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of one resource type, indexed by how their patterns name resources: literal names in a hash map, the
 * literal wildcard {@code *} on its own, prefixes in an array scanned with {@link String#startsWith}. Immutable.
 */
final class ResourceTypeAcls {

    private static final AclRule[] NO_RULES = new AclRule[0];

    private final Map<String, AclRule[]> literal;
    private final AclRule[] wildcard;
    private final String[] prefixes;
    /** The rules of {@code prefixes[i]} are {@code prefixed[i]}. */
    private final AclRule[][] prefixed;

    private ResourceTypeAcls(Map<String, AclRule[]> literal, AclRule[] wildcard, String[] prefixes,
                             AclRule[][] prefixed) {
        this.literal = literal;
        this.wildcard = wildcard;
        this.prefixes = prefixes;
        this.prefixed = prefixed;
    }

    /**
     * Kafka's decision: denied as soon as a matching DENY applies, whatever allows it; otherwise allowed when a
     * matching ALLOW applies.
     */
    boolean authorize(String principal, Set<String> groups, String host, AclOperation operation, String name) {
        long bit = AclRule.bit(operation);
        Verdict verdict = verdict(wildcard, principal, groups, host, bit, Verdict.NO_MATCH);
        verdict = verdict(literal.getOrDefault(name, NO_RULES), principal, groups, host, bit, verdict);
        for (int i = 0; i < prefixes.length && verdict != Verdict.DENIED; i++) {
            if (name.startsWith(prefixes[i])) {
                verdict = verdict(prefixed[i], principal, groups, host, bit, verdict);
            }
        }
        return verdict == Verdict.ALLOWED;
    }

    private static Verdict verdict(AclRule[] rules, String principal, Set<String> groups, String host, long bit,
                                   Verdict sofar) {
        Verdict verdict = sofar;
        for (int i = 0; i < rules.length && verdict != Verdict.DENIED; i++) {
            AclRule rule = rules[i];
            if (((rule.allowed() | rule.denied()) & bit) != 0 && rule.appliesTo(principal, groups, host)) {
                verdict = (rule.denied() & bit) != 0 ? Verdict.DENIED : Verdict.ALLOWED;
            }
        }
        return verdict;
    }

    private enum Verdict { NO_MATCH, ALLOWED, DENIED }

    /** Collects the rules of one resource type. */
    static final class Builder {

        private final Map<String, List<AclRule>> literal = new HashMap<>();
        private final List<AclRule> wildcard = new ArrayList<>();
        private final Map<String, List<AclRule>> prefixed = new LinkedHashMap<>();

        /** Adds a rule; a pattern that is neither LITERAL nor PREFIXED names no resource, and is left out. */
        void add(ResourcePattern pattern, AclRule rule) {
            if (pattern.patternType() == PatternType.LITERAL) {
                if (pattern.name().equals(ResourcePattern.WILDCARD_RESOURCE)) {
                    wildcard.add(rule);
                } else {
                    literal.computeIfAbsent(pattern.name(), name -> new ArrayList<>()).add(rule);
                }
            } else if (pattern.patternType() == PatternType.PREFIXED) {
                prefixed.computeIfAbsent(pattern.name(), name -> new ArrayList<>()).add(rule);
            }
        }

        ResourceTypeAcls build() {
            Map<String, AclRule[]> literalRules = new HashMap<>();
            literal.forEach((name, rules) -> literalRules.put(name, rules.toArray(NO_RULES)));
            String[] prefixes = prefixed.keySet().toArray(new String[0]);
            AclRule[][] prefixedRules = new AclRule[prefixes.length][];
            for (int i = 0; i < prefixes.length; i++) {
                prefixedRules[i] = prefixed.get(prefixes[i]).toArray(NO_RULES);
            }
            return new ResourceTypeAcls(literalRules, wildcard.toArray(NO_RULES), prefixes, prefixedRules);
        }
    }
}
