package io.streamgate.admin.vcluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamgate.admin.identity.SpecFields;
import io.streamgate.api.Scope;
import io.streamgate.core.vcluster.AliasTopic;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.internals.Topic;

import java.util.List;
import java.util.Objects;

/**
 * The {@code spec} of an {@code AliasTopic} resource, which shows an existing physical topic inside one virtual
 * cluster under a logical name:
 *
 * <pre>{@code
 * kind: AliasTopic
 * metadata:
 *   name: rates                       # the logical topic name inside the virtual cluster
 *   scope: {virtualCluster: payments}
 * spec:
 *   physicalTopic: shared.fx-rates    # the topic on the physical cluster
 *   readOnly: true                    # optional, true by default: the tenant may read it, not write it
 * }</pre>
 *
 * The scope names exactly one virtual cluster. Both names must be valid Kafka topic names, and the physical topic is
 * never one of Kafka's internal topics ({@code __consumer_offsets}, {@code __transaction_state}...), which hold every
 * tenant's data. The rules across resources (the virtual cluster exists, a topic is aliased once per virtual cluster,
 * never a topic under a virtual cluster's prefix) are {@link VirtualClusterRules}'.
 *
 * @param physicalTopic the topic on the physical cluster
 * @param readOnly whether the tenant may only read it
 */
public record AliasTopicSpec(String physicalTopic, boolean readOnly) {

    /** The kind of alias topic resources. */
    public static final String KIND = "AliasTopic";
    static final List<String> FIELDS = List.of("physicalTopic", "readOnly");

    public AliasTopicSpec {
        Objects.requireNonNull(physicalTopic, "physicalTopic");
    }

    /**
     * @throws InvalidResourceException naming the offending field
     */
    public static AliasTopicSpec of(Resource resource) {
        virtualClusterOf(resource, "alias topics");
        topicName(resource.metadata().name(), "metadata.name");
        ObjectNode spec = resource.spec();
        SpecFields.onlyKnown(spec, KIND, FIELDS);
        String physicalTopic = SpecFields.optionalText(spec, "physicalTopic");
        if (physicalTopic == null) {
            throw new InvalidResourceException("spec.physicalTopic", "required: the existing topic on the physical "
                    + "cluster that the virtual cluster sees under the name " + resource.metadata().name());
        }
        topicName(physicalTopic, "spec.physicalTopic");
        if (physicalTopic.startsWith("__")) {
            throw new InvalidResourceException("spec.physicalTopic", "'" + physicalTopic + "' is an internal topic of "
                    + "Kafka's, shared by every tenant: it cannot be aliased");
        }
        return new AliasTopicSpec(physicalTopic, SpecFields.optionalBoolean(spec, "readOnly", true));
    }

    /** The alias as the gateway serves it. */
    public AliasTopic toAliasTopic(Resource resource) {
        return new AliasTopic(resource.metadata().scope().virtualCluster(), resource.metadata().name(), physicalTopic,
                readOnly);
    }

    /**
     * The virtual cluster a resource of a virtual cluster belongs to: its scope, which names the virtual cluster and
     * nothing else.
     *
     * @param what the resources, for the message ({@code alias topics})
     */
    static String virtualClusterOf(Resource resource, String what) {
        Scope scope = resource.metadata().scope();
        if (scope.virtualCluster() == null || scope.group() != null || scope.username() != null) {
            throw new InvalidResourceException("metadata.scope", what + " belong to a virtual cluster: the scope is "
                    + "{virtualCluster: <name>} and nothing else, not " + scope);
        }
        return scope.virtualCluster();
    }

    private static void topicName(String name, String field) {
        try {
            Topic.validate(name);
        } catch (InvalidTopicException e) {
            throw new InvalidResourceException(field, e.getMessage());
        }
    }
}
