package io.streamgate.core;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${VAR}} in configuration strings (the YAML file, interceptor configurations) by the value of environment variable {@code VAR}, so that
 * secrets (passwords in {@code sasl.jaas.config}, keystore passwords) need not be written into the file. An unset
 * variable is an error rather than an empty string, because an empty password fails much later and less clearly.
 * {@code $${} stands for a literal {@code ${}.
 */
public final class EnvironmentReferences {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Map<String, String> environment;

    public EnvironmentReferences(Map<String, String> environment) {
        this.environment = environment;
    }

    /**
     * @throws UnsetVariableException naming the first referenced variable that is not set
     */
    public String expand(String text) throws UnsetVariableException {
        if (!text.contains("${")) {
            return text;
        }
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String replacement;
            if (matcher.group(1) == null) {
                replacement = "${";
            } else {
                replacement = environment.get(matcher.group(1));
                if (replacement == null) {
                    throw new UnsetVariableException(matcher.group(1));
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A referenced environment variable is not set. */
    public static final class UnsetVariableException extends Exception {

        private final String variable;

        UnsetVariableException(String variable) {
            super(variable, null, false, false);
            this.variable = variable;
        }

        public String variable() {
            return variable;
        }
    }
}
