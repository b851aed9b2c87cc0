package io.streamgate.plugins.headers.inject;

import io.streamgate.api.ConnectionInfo;
import io.streamgate.api.InterceptorContext;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * What templates may say about one Produce request, read once when the gateway handles it.
 *
 * @param virtualCluster the virtual cluster's name, or empty
 * @param timestamp when the gateway handled the request, epoch milliseconds
 */
record RequestFacts(String user, String clientId, String clientIp, String virtualCluster, String gatewayHost,
                    short apiVersion, long timestamp) {

    static RequestFacts of(InterceptorContext context, String gatewayHost, long timestamp) {
        ConnectionInfo connection = context.connection();
        return new RequestFacts(connection.principal(), nullToEmpty(connection.clientId()),
                ipOf(connection.clientAddress()), connection.virtualCluster().orElse(""), gatewayHost,
                context.apiVersion(), timestamp);
    }

    private static String ipOf(InetSocketAddress address) {
        if (address == null) {
            return "";
        }
        InetAddress ip = address.getAddress();
        return ip != null ? ip.getHostAddress() : address.getHostString();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
