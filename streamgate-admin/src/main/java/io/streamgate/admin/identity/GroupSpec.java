package io.streamgate.admin.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;

import java.util.List;
import java.util.Set;

/**
 * The {@code spec} of a {@code Group} resource:
 *
 * <pre>{@code
 * kind: Group
 * metadata: {name: payments}
 * spec:
 *   members: [orders-app, billing]    # service account names (or principals without an account)
 *   externalGroups: [payments-team]   # group names from outside, e.g. a JWT's groups claim
 * }</pre>
 *
 * A connection belongs to the group when its service account (or, without one, its principal) is a member, or when
 * one of its external groups is listed. Members need not exist yet: a group may be written before its accounts.
 * Groups are global.
 *
 * @param members service account names
 * @param externalGroups external group names
 */
public record GroupSpec(Set<String> members, Set<String> externalGroups) {

    /** The kind of group resources. */
    public static final String KIND = "Group";
    static final List<String> FIELDS = List.of("members", "externalGroups");

    public GroupSpec {
        members = Set.copyOf(members);
        externalGroups = Set.copyOf(externalGroups);
    }

    /**
     * @throws InvalidResourceException naming the offending field
     */
    public static GroupSpec of(Resource resource) {
        if (!resource.metadata().scope().isGlobal()) {
            throw new InvalidResourceException("metadata.scope", "groups are global: leave the scope out");
        }
        ObjectNode spec = resource.spec();
        SpecFields.onlyKnown(spec, KIND, FIELDS);
        return new GroupSpec(SpecFields.textList(spec, "members"),
                SpecFields.textList(spec, "externalGroups"));
    }
}
