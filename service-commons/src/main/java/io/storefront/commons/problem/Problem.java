package io.storefront.commons.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem details body. Every 4xx/5xx of every service is one of these, served as
 * {@code application/problem+json}. {@code type} is stable (clients switch on it); {@code detail}
 * is for humans; {@code errors} lists per-field or per-row violations.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:storefront:problem:";

    private final URI type;
    private final String title;
    private final int status;
    private final String detail;
    private final URI instance;
    private final List<Violation> errors;
    private final Map<String, Object> extensions;

    Problem(ProblemType type, int status, String detail, URI instance, List<Violation> errors,
            Map<String, Object> extensions) {
        this.type = URI.create(TYPE_PREFIX + type.slug());
        this.title = type.title();
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.errors = List.copyOf(errors);
        this.extensions = new LinkedHashMap<>(extensions);
    }

    public static String typeUri(ProblemType type) {
        return TYPE_PREFIX + type.slug();
    }

    public URI getType() { return type; }
    public String getTitle() { return title; }
    public int getStatus() { return status; }
    public String getDetail() { return detail; }
    public URI getInstance() { return instance; }
    public List<Violation> getErrors() { return errors; }

    /** Extension members (RFC 9457 §3.2), e.g. how many rows of a partly bad file were stored. */
    @JsonAnyGetter
    public Map<String, Object> getExtensions() { return extensions; }

    /**
     * One violation: {@code field} names the JSON field, query parameter or CSV column; for an
     * uploaded file, {@code file} and the 1-based {@code line} say where (both null otherwise).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"file", "line", "field", "message"})
    public record Violation(String file, Long line, String field, String message) {
        public static Violation of(String field, String message) {
            return new Violation(null, null, field, message);
        }

        public static Violation atLine(String file, long line, String field, String message) {
            return new Violation(file, line, field, message);
        }

        /**
         * This violation of an uploaded file's row, placed at its file and line; a row checked by the rules of a JSON
         * batch with an empty prefix names its field ".text", which in a file is the column "text".
         */
        public Violation inRow(String file, long line) {
            String column = field != null && field.startsWith(".") ? field.substring(1) : field;
            return new Violation(file, line, column, message);
        }
    }
}
