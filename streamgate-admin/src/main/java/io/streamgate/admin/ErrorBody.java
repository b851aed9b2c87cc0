package io.streamgate.admin;

/** The JSON body of every error response, so that scripts never have to parse HTML or plain text. */
record ErrorBody(int status, String error) {
}
