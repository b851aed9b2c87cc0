package io.streamgate.admin;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every error response, so that scripts never have to parse HTML or plain text.
 *
 * @param status the HTTP status, repeated
 * @param error what went wrong, for people
 * @param field the request field it is about (e.g. {@code spec.priority}, a query parameter), when there is one;
 *     left out otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ErrorBody(int status, String error, String field) {

    ErrorBody(int status, String error) {
        this(status, error, null);
    }
}
