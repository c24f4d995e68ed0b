package io.storefront.commons.http;

import java.io.IOException;

/**
 * A request body that ran past its limit while it was read. An {@link IOException}, because it is thrown from
 * the body's stream: a JSON reader passes that on as it is, where it wraps anything else as malformed JSON.
 */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(String detail) {
        super(detail);
    }
}
