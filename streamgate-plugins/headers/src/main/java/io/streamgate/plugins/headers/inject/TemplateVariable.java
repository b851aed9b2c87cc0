package io.streamgate.plugins.headers.inject;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What a header template can refer to, as {@code {{name}}}. */
enum TemplateVariable {

    /** The connection's principal ({@code ANONYMOUS} until clients authenticate). */
    USER("user"),
    /** The client id of the Produce request. */
    CLIENT_ID("clientId"),
    /** The client's IP address. */
    CLIENT_IP("clientIp"),
    /** The connection's virtual cluster; empty when it has none. */
    VCLUSTER("vcluster"),
    /** The host name this gateway advertises. */
    GATEWAY_HOST("gatewayHost"),
    /** The version of the Produce request. */
    API_VERSION("apiVersion"),
    /** When the gateway handled the request, in milliseconds since the epoch. */
    TIMESTAMP("timestamp"),
    /** A new random UUID for every record. */
    UUID_PER_RECORD("uuid");

    private final String templateName;

    TemplateVariable(String templateName) {
        this.templateName = templateName;
    }

    String templateName() {
        return templateName;
    }

    /** Whether the value differs between the records of one request. */
    boolean perRecord() {
        return this == UUID_PER_RECORD;
    }

    String valueIn(RequestFacts facts) {
        return switch (this) {
            case USER -> facts.user();
            case CLIENT_ID -> facts.clientId();
            case CLIENT_IP -> facts.clientIp();
            case VCLUSTER -> facts.virtualCluster();
            case GATEWAY_HOST -> facts.gatewayHost();
            case API_VERSION -> Short.toString(facts.apiVersion());
            case TIMESTAMP -> Long.toString(facts.timestamp());
            case UUID_PER_RECORD -> UUID.randomUUID().toString();
        };
    }

    static Optional<TemplateVariable> named(String name) {
        return Arrays.stream(values()).filter(variable -> variable.templateName.equals(name)).findFirst();
    }

    static List<String> names() {
        return Arrays.stream(values()).map(TemplateVariable::templateName).toList();
    }
}
