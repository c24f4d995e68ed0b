package io.storefront.commons.problem;

/**
 * The stable problem types of the suite. The slug becomes {@code urn:storefront:problem:<slug>};
 * never rename one, clients depend on it.
 */
public enum ProblemType {
    BAD_REQUEST("bad-request", "Bad request"),
    VALIDATION("validation", "Invalid input"),
    MALFORMED_BODY("malformed-body", "Malformed request body"),
    INVALID_ROWS("invalid-rows", "Some rows were rejected"),
    NOT_TEXT("not-text", "Not text"),
    UNAUTHORIZED("unauthorized", "Authentication required"),
    FORBIDDEN("forbidden", "Not allowed"),
    NOT_FOUND("not-found", "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable"),
    CONFLICT("conflict", "Conflict"),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type"),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests"),
    INTERNAL("internal", "Internal error"),
    UPSTREAM_UNAVAILABLE("upstream-unavailable", "A service is unavailable"),
    UPSTREAM_TIMEOUT("upstream-timeout", "A service did not answer in time"),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable");

    private final String slug;
    private final String title;

    ProblemType(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public String slug() { return slug; }
    public String title() { return title; }

    /** The generic type for an HTTP status a framework raised without saying more. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            case 502 -> UPSTREAM_UNAVAILABLE;
            case 503 -> SERVICE_UNAVAILABLE;
            case 504 -> UPSTREAM_TIMEOUT;
            default -> status >= 500 ? INTERNAL : BAD_REQUEST;
        };
    }
}
