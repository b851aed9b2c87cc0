package io.streamgate.admin.api;

import io.javalin.http.Context;
import io.streamgate.state.Resource;
import io.streamgate.state.document.ResourceDocuments;

import java.util.List;
import java.util.Locale;

/**
 * The resource document in a request body: JSON ({@code application/json}) or YAML ({@code application/yaml},
 * {@code application/x-yaml}, {@code text/yaml}); without a content type, whichever it is. Exactly one document.
 */
final class ResourceBody {

    static final List<String> MEDIA_TYPES = List.of("application/json", "application/yaml", "application/x-yaml",
            "text/yaml", "text/x-yaml");

    private ResourceBody() {
    }

    /**
     * @throws ApiException 415 for another content type, 400 for an empty body
     * @throws io.streamgate.state.InvalidResourceException naming the field, for a malformed document
     */
    static Resource read(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.isBlank()) {
            String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!MEDIA_TYPES.contains(mediaType)) {
                throw new ApiException(415, "unsupported content type '" + mediaType + "'; send the resource as "
                        + "application/json or application/yaml");
            }
        }
        String body = ctx.body();
        if (body.isBlank()) {
            throw new ApiException(400, "the request body must be one resource document {kind, metadata, spec}");
        }
        return ResourceDocuments.parseSingle(body, null);
    }
}
