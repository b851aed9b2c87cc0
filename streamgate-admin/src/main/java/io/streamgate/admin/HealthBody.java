package io.streamgate.admin;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of both health probes; {@code reason} appears only when the status is {@code DOWN}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record HealthBody(String status, String reason) {

    static final HealthBody UP = new HealthBody("UP", null);

    static HealthBody down(String reason) {
        return new HealthBody("DOWN", reason);
    }
}
