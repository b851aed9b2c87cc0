package io.streamgate.plugins.audit.sink;

/** Makes sure the audit topic exists before the first event is sent to it. */
@FunctionalInterface
public interface TopicCreator {

    /**
     * Creates {@code topic} if it does not exist. May block (it runs on the topic sink's writer thread).
     *
     * @throws Exception when the topic could not be created nor found to exist; the sink logs it and sends
     *     anyway
     */
    void ensureExists(String topic) throws Exception;
}
