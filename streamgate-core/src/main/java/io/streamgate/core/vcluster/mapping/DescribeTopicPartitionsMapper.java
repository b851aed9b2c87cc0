package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.DescribeTopicPartitionsRequestData;
import org.apache.kafka.common.message.DescribeTopicPartitionsRequestData.Cursor;
import org.apache.kafka.common.message.DescribeTopicPartitionsResponseData;
import org.apache.kafka.common.message.DescribeTopicPartitionsResponseData.DescribeTopicPartitionsResponseTopic;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.List;

/**
 * DescribeTopicPartitions, of named topics or of all (an empty list), paged by a cursor that names a topic. Named
 * topics need DESCRIBE; a listing keeps the tenant's topics it may DESCRIBE.
 *
 * <p>A broker pages through topics in the order of their physical names. A listing starts at the tenant's prefix,
 * where its own topics lie together, and ends where the broker's next page would start on a topic that is not the
 * tenant's. So a listing shows the tenant's own topics but not its aliases, whose physical names lie elsewhere
 * (naming them, as the Java admin client does, describes them).
 */
final class DescribeTopicPartitionsMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage message, short version, TenantContext tenant) {
        DescribeTopicPartitionsRequestData request = (DescribeTopicPartitionsRequestData) message;
        TenantNamespace names = tenant.names();
        boolean listing = request.topics().isEmpty();
        List<DescribeTopicPartitionsResponseTopic> refused = new ArrayList<>();
        request.topics().removeIf(topic -> {
            if (!tenant.authorized(AclOperation.DESCRIBE, ResourceType.TOPIC, topic.name())) {
                refused.add(new DescribeTopicPartitionsResponseTopic().setName(topic.name())
                        .setErrorCode(Errors.TOPIC_AUTHORIZATION_FAILED.code()));
                return true;
            }
            topic.setName(names.physicalTopic(topic.name()));
            return false;
        });
        if (request.topics().isEmpty() && !refused.isEmpty()) {
            DescribeTopicPartitionsResponseData response = new DescribeTopicPartitionsResponseData();
            refused.forEach(response.topics()::add);
            return Answers.of(response);
        }
        Cursor cursor = request.cursor();
        if (cursor != null) {
            cursor.setTopicName(names.physicalTopic(cursor.topicName()));
        } else if (listing) {
            request.setCursor(new Cursor().setTopicName(names.prefix()).setPartitionIndex(0));
        }
        return new Mapping.Forward(request, (response, responseVersion) -> {
            DescribeTopicPartitionsResponseData described = (DescribeTopicPartitionsResponseData) response;
            KeyedCollections.retainRenamed(described.topics(), topic -> {
                String logical = topic.name() == null ? null : names.logicalTopic(topic.name());
                if (logical == null
                        || listing && !tenant.authorized(AclOperation.DESCRIBE, ResourceType.TOPIC, logical)) {
                    return false;
                }
                topic.setName(logical);
                topic.setTopicAuthorizedOperations(AuthorizedOperations.ofTopic(tenant, logical));
                return true;
            });
            refused.forEach(described.topics()::add);
            DescribeTopicPartitionsResponseData.Cursor next = described.nextCursor();
            if (next != null) {
                String logical = names.logicalTopic(next.topicName());
                described.setNextCursor(logical == null ? null : next.setTopicName(logical));
            }
            return described;
        });
    }
}
