package io.streamgate.plugins.policy.readonly;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.message.AlterConfigsRequestData;
import org.apache.kafka.common.message.AlterConfigsResponseData;
import org.apache.kafka.common.message.AlterPartitionReassignmentsRequestData;
import org.apache.kafka.common.message.AlterPartitionReassignmentsRequestData.ReassignableTopic;
import org.apache.kafka.common.message.AlterPartitionReassignmentsResponseData;
import org.apache.kafka.common.message.AlterPartitionReassignmentsResponseData.ReassignablePartitionResponse;
import org.apache.kafka.common.message.AlterPartitionReassignmentsResponseData.ReassignableTopicResponse;
import org.apache.kafka.common.message.CreatePartitionsRequestData;
import org.apache.kafka.common.message.CreatePartitionsRequestData.CreatePartitionsTopic;
import org.apache.kafka.common.message.CreatePartitionsResponseData;
import org.apache.kafka.common.message.CreatePartitionsResponseData.CreatePartitionsTopicResult;
import org.apache.kafka.common.message.DeleteRecordsRequestData;
import org.apache.kafka.common.message.DeleteRecordsRequestData.DeleteRecordsTopic;
import org.apache.kafka.common.message.DeleteRecordsResponseData;
import org.apache.kafka.common.message.DeleteRecordsResponseData.DeleteRecordsPartitionResult;
import org.apache.kafka.common.message.DeleteRecordsResponseData.DeleteRecordsTopicResult;
import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.DeleteTopicsRequestData.DeleteTopicState;
import org.apache.kafka.common.message.DeleteTopicsResponseData;
import org.apache.kafka.common.message.DeleteTopicsResponseData.DeletableTopicResult;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData;
import org.apache.kafka.common.message.IncrementalAlterConfigsResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceRequestData.TopicProduceData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ProduceResponseData.PartitionProduceResponse;
import org.apache.kafka.common.message.ProduceResponseData.TopicProduceResponse;
import org.apache.kafka.common.protocol.Errors;

import java.util.Collection;
import java.util.Optional;

/**
 * The APIs that change a topic's data or definition: Produce, DeleteTopics, CreatePartitions, DeleteRecords,
 * AlterConfigs, IncrementalAlterConfigs and AlterPartitionReassignments. Each answers a refused entry as the broker
 * answers an unauthorized one.
 */
final class WriteApis {

    private WriteApis() {
    }

    /** Produce: every partition of a refused topic fails; v13+ name topics by id. */
    static final TopicWrites<ProduceRequestData, ProduceResponseData, TopicProduceData> PRODUCE = new TopicWrites<>() {
        @Override
        public Collection<TopicProduceData> entries(ProduceRequestData request) {
            return request.topicData();
        }

        /** A Produce with acks=0 gets no response: failing it is left to the gateway, which knows. */
        @Override
        public Optional<ProduceResponseData> emptyResponse() {
            return Optional.empty();
        }

        @Override
        public String name(TopicProduceData topic) {
            return topic.name().isEmpty() ? null : topic.name();
        }

        @Override
        public Uuid topicId(TopicProduceData topic) {
            return topic.topicId();
        }

        @Override
        public void answer(ProduceResponseData response, TopicProduceData topic, String name, Errors error,
                           String message) {
            TopicProduceResponse answer = new TopicProduceResponse().setName(topic.name()).setTopicId(topic.topicId());
            topic.partitionData().forEach(partition -> answer.partitionResponses().add(new PartitionProduceResponse()
                    .setIndex(partition.index()).setErrorCode(error.code()).setErrorMessage(message)
                    .setBaseOffset(-1).setLogAppendTimeMs(-1).setLogStartOffset(-1)));
            response.responses().add(answer);
        }
    };

    /** DeleteTopics v0-5: topics by name only. */
    static final TopicWrites<DeleteTopicsRequestData, DeleteTopicsResponseData, String> DELETE_TOPIC_NAMES =
            new TopicWrites<>() {
                @Override
                public Collection<String> entries(DeleteTopicsRequestData request) {
                    return request.topicNames();
                }

                @Override
                public Optional<DeleteTopicsResponseData> emptyResponse() {
                    return Optional.of(new DeleteTopicsResponseData());
                }

                @Override
                public String name(String topic) {
                    return topic;
                }

                @Override
                public void answer(DeleteTopicsResponseData response, String topic, String name, Errors error,
                                   String message) {
                    response.responses().add(new DeletableTopicResult().setName(topic).setErrorCode(error.code())
                            .setErrorMessage(message));
                }
            };

    /** DeleteTopics v6+: topics by name or by id. */
    static final TopicWrites<DeleteTopicsRequestData, DeleteTopicsResponseData, DeleteTopicState> DELETE_TOPIC_STATES =
            new TopicWrites<>() {
                @Override
                public Collection<DeleteTopicState> entries(DeleteTopicsRequestData request) {
                    return request.topics();
                }

                @Override
                public Optional<DeleteTopicsResponseData> emptyResponse() {
                    return Optional.of(new DeleteTopicsResponseData());
                }

                @Override
                public String name(DeleteTopicState topic) {
                    return topic.name();
                }

                @Override
                public Uuid topicId(DeleteTopicState topic) {
                    return topic.topicId();
                }

                @Override
                public void answer(DeleteTopicsResponseData response, DeleteTopicState topic, String name,
                                   Errors error, String message) {
                    response.responses().add(new DeletableTopicResult().setName(name).setTopicId(topic.topicId())
                            .setErrorCode(error.code()).setErrorMessage(message));
                }
            };

    static final TopicWrites<CreatePartitionsRequestData, CreatePartitionsResponseData, CreatePartitionsTopic>
            CREATE_PARTITIONS = new TopicWrites<>() {
                @Override
                public Collection<CreatePartitionsTopic> entries(CreatePartitionsRequestData request) {
                    return request.topics();
                }

                @Override
                public Optional<CreatePartitionsResponseData> emptyResponse() {
                    return Optional.of(new CreatePartitionsResponseData());
                }

                @Override
                public String name(CreatePartitionsTopic topic) {
                    return topic.name();
                }

                @Override
                public void answer(CreatePartitionsResponseData response, CreatePartitionsTopic topic, String name,
                                   Errors error, String message) {
                    response.results().add(new CreatePartitionsTopicResult().setName(name).setErrorCode(error.code())
                            .setErrorMessage(message));
                }
            };

    /** DeleteRecords: every partition of a refused topic fails; the response has no message. */
    static final TopicWrites<DeleteRecordsRequestData, DeleteRecordsResponseData, DeleteRecordsTopic> DELETE_RECORDS =
            new TopicWrites<>() {
                @Override
                public Collection<DeleteRecordsTopic> entries(DeleteRecordsRequestData request) {
                    return request.topics();
                }

                @Override
                public Optional<DeleteRecordsResponseData> emptyResponse() {
                    return Optional.of(new DeleteRecordsResponseData());
                }

                @Override
                public String name(DeleteRecordsTopic topic) {
                    return topic.name();
                }

                @Override
                public void answer(DeleteRecordsResponseData response, DeleteRecordsTopic topic, String name,
                                   Errors error, String message) {
                    DeleteRecordsTopicResult answer = new DeleteRecordsTopicResult().setName(name);
                    topic.partitions().forEach(partition -> answer.partitions().add(new DeleteRecordsPartitionResult()
                            .setPartitionIndex(partition.partitionIndex()).setLowWatermark(-1)
                            .setErrorCode(error.code())));
                    response.topics().add(answer);
                }
            };

    /** AlterConfigs: only topic resources; broker and other resources pass. */
    static final TopicWrites<AlterConfigsRequestData, AlterConfigsResponseData,
            AlterConfigsRequestData.AlterConfigsResource> ALTER_CONFIGS = new TopicWrites<>() {
                @Override
                public Collection<AlterConfigsRequestData.AlterConfigsResource> entries(
                        AlterConfigsRequestData request) {
                    return request.resources();
                }

                @Override
                public Optional<AlterConfigsResponseData> emptyResponse() {
                    return Optional.of(new AlterConfigsResponseData());
                }

                @Override
                public String name(AlterConfigsRequestData.AlterConfigsResource resource) {
                    return resource.resourceType() == ConfigResource.Type.TOPIC.id() ? resource.resourceName() : null;
                }

                @Override
                public void answer(AlterConfigsResponseData response,
                                   AlterConfigsRequestData.AlterConfigsResource resource, String name, Errors error,
                                   String message) {
                    response.responses().add(new AlterConfigsResponseData.AlterConfigsResourceResponse()
                            .setResourceType(resource.resourceType()).setResourceName(name)
                            .setErrorCode(error.code()).setErrorMessage(message));
                }
            };

    /** IncrementalAlterConfigs: only topic resources; broker and other resources pass. */
    static final TopicWrites<IncrementalAlterConfigsRequestData, IncrementalAlterConfigsResponseData,
            IncrementalAlterConfigsRequestData.AlterConfigsResource> INCREMENTAL_ALTER_CONFIGS = new TopicWrites<>() {
                @Override
                public Collection<IncrementalAlterConfigsRequestData.AlterConfigsResource> entries(
                        IncrementalAlterConfigsRequestData request) {
                    return request.resources();
                }

                @Override
                public Optional<IncrementalAlterConfigsResponseData> emptyResponse() {
                    return Optional.of(new IncrementalAlterConfigsResponseData());
                }

                @Override
                public String name(IncrementalAlterConfigsRequestData.AlterConfigsResource resource) {
                    return resource.resourceType() == ConfigResource.Type.TOPIC.id() ? resource.resourceName() : null;
                }

                @Override
                public void answer(IncrementalAlterConfigsResponseData response,
                                   IncrementalAlterConfigsRequestData.AlterConfigsResource resource, String name,
                                   Errors error, String message) {
                    response.responses().add(new IncrementalAlterConfigsResponseData.AlterConfigsResourceResponse()
                            .setResourceType(resource.resourceType()).setResourceName(name)
                            .setErrorCode(error.code()).setErrorMessage(message));
                }
            };

    static final TopicWrites<AlterPartitionReassignmentsRequestData, AlterPartitionReassignmentsResponseData,
            ReassignableTopic> ALTER_PARTITION_REASSIGNMENTS = new TopicWrites<>() {
                @Override
                public Collection<ReassignableTopic> entries(AlterPartitionReassignmentsRequestData request) {
                    return request.topics();
                }

                @Override
                public Optional<AlterPartitionReassignmentsResponseData> emptyResponse() {
                    return Optional.of(new AlterPartitionReassignmentsResponseData());
                }

                @Override
                public String name(ReassignableTopic topic) {
                    return topic.name();
                }

                @Override
                public void answer(AlterPartitionReassignmentsResponseData response, ReassignableTopic topic,
                                   String name, Errors error, String message) {
                    ReassignableTopicResponse answer = new ReassignableTopicResponse().setName(name);
                    topic.partitions().forEach(partition -> answer.partitions().add(new ReassignablePartitionResponse()
                            .setPartitionIndex(partition.partitionIndex()).setErrorCode(error.code())
                            .setErrorMessage(message)));
                    response.responses().add(answer);
                }
            };
}
