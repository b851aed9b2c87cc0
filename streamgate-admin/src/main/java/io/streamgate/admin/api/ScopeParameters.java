package io.streamgate.admin.api;

import io.javalin.http.Context;
import io.streamgate.api.Scope;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The scope query parameters of the interceptor routes: {@code vcluster}, {@code group}, {@code username} and
 * {@code global=true}. Any other query parameter is refused (400), so that a misspelt filter never silently
 * widens a result or a delete.
 *
 * @param virtualCluster {@code vcluster}, or null
 * @param group {@code group}, or null
 * @param username {@code username}, or null
 * @param global {@code global=true}
 */
record ScopeParameters(String virtualCluster, String group, String username, boolean global) {

    static final List<String> NAMES = List.of("vcluster", "group", "username", "global");

    /**
     * @param alsoAllowed other query parameters the route takes
     * @throws ApiException 400 for an unknown or repeated parameter, or {@code global=true} with another one
     */
    static ScopeParameters of(Context ctx, Set<String> alsoAllowed) {
        Map<String, List<String>> parameters = ctx.queryParamMap();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!NAMES.contains(parameter.getKey()) && !alsoAllowed.contains(parameter.getKey())) {
                throw new ApiException(400, "unknown query parameter '" + parameter.getKey() + "'; this route takes "
                        + String.join(", ", NAMES) + (alsoAllowed.isEmpty() ? "" : ", " + String.join(", ",
                        alsoAllowed)), parameter.getKey());
            }
            if (parameter.getValue().size() > 1) {
                throw new ApiException(400, "query parameter '" + parameter.getKey() + "' is given more than once",
                        parameter.getKey());
            }
        }
        String global = single(parameters, "global");
        if (global != null && !global.equals("true") && !global.equals("false")) {
            throw new ApiException(400, "query parameter 'global' must be true or false", "global");
        }
        ScopeParameters scope = new ScopeParameters(single(parameters, "vcluster"), single(parameters, "group"),
                single(parameters, "username"), "true".equals(global));
        if (scope.global && (scope.virtualCluster != null || scope.group != null || scope.username != null)) {
            throw new ApiException(400, "global=true names the global scope: it cannot be combined with vcluster, "
                    + "group or username", "global");
        }
        if (scope.group != null && scope.username != null) {
            throw new ApiException(400, "a scope names a group or a username, not both", "group");
        }
        return scope;
    }

    /** Whether no scope parameter was given. */
    boolean isEmpty() {
        return !global && virtualCluster == null && group == null && username == null;
    }

    /** The exact scope the parameters name; empty when none was given. */
    Optional<Scope> exactScope() {
        return isEmpty() ? Optional.empty() : Optional.of(global ? Scope.GLOBAL
                : new Scope(virtualCluster, group, username));
    }

    /** A filter keeping the scopes that have every part given ({@code global=true}: the global scope only). */
    Predicate<Scope> filter() {
        if (global) {
            return Scope::isGlobal;
        }
        return scope -> (virtualCluster == null || virtualCluster.equals(scope.virtualCluster()))
                && (group == null || group.equals(scope.group()))
                && (username == null || username.equals(scope.username()));
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).trim();
    }
}
