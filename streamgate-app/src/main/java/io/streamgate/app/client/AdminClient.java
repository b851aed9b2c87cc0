package io.streamgate.app.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A client of a running gateway's admin API, over {@link java.net.http.HttpClient}. Every answer is JSON; an error
 * answer or no answer at all becomes an {@link AdminClientException} with a message for people: the server's error
 * text, or "no gateway answering at URL".
 */
public final class AdminClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUrl;
    private final AdminCredentials credentials;
    private final HttpClient http;

    /**
     * @param baseUrl the admin API's base, e.g. {@code http://localhost:8888}
     */
    public AdminClient(URI baseUrl, AdminCredentials credentials) {
        String text = baseUrl.toString();
        this.baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** A JSON answer: its status and body ({@code null} for 204). */
    public record Answer(int status, JsonNode body) {
    }

    public Answer get(String path, Map<String, String> query) throws AdminClientException {
        return send("GET", path + queryString(query), null, null);
    }

    public Answer put(String path, Map<String, String> query, String json) throws AdminClientException {
        return send("PUT", path + queryString(query), json, "application/json");
    }

    public Answer post(String path, String json) throws AdminClientException {
        return send("POST", path, json, "application/json");
    }

    public Answer delete(String path, Map<String, String> query) throws AdminClientException {
        return send("DELETE", path + queryString(query), null, null);
    }

    /** A path segment with URL escapes, e.g. a resource name. */
    public static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Answer send(String method, String pathAndQuery, String body, String contentType)
            throws AdminClientException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (credentials.authorization() != null) {
            request.header("Authorization", credentials.authorization());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new AdminClientException("no gateway answering at " + baseUrl + " (is it running? --admin-url says "
                    + "where its admin API is)", 0);
        } catch (HttpTimeoutException e) {
            throw new AdminClientException("the gateway at " + baseUrl + " did not answer within "
                    + REQUEST_TIMEOUT.toSeconds() + " s", 0);
        } catch (IOException e) {
            throw new AdminClientException("cannot talk to the gateway at " + baseUrl + ": " + message(e), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminClientException("interrupted", 0);
        }
        return answer(response);
    }

    private Answer answer(HttpResponse<String> response) throws AdminClientException {
        int status = response.statusCode();
        JsonNode body = null;
        if (!response.body().isBlank()) {
            try {
                body = JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AdminClientException("the gateway at " + baseUrl + " answered HTTP " + status
                        + " with something that is not JSON (is " + baseUrl + " a Streamgate admin API?)", status);
            }
        }
        if (status >= 400) {
            String error = body != null && body.hasNonNull("error") ? body.get("error").asText() : "HTTP " + status;
            if (status == 401) {
                error += "; " + credentials.hintWhenRefused();
            }
            throw new AdminClientException(error, status);
        }
        return new Answer(status, body);
    }

    private static String queryString(Map<String, String> query) {
        StringJoiner joined = new StringJoiner("&", "?", "");
        joined.setEmptyValue("");
        query.forEach((name, value) -> {
            if (value != null) {
                joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return joined.toString();
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
