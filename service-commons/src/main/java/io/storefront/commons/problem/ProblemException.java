package io.storefront.commons.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Thrown by resources and services to answer with a specific problem; mapped by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final int status;
    private final List<Problem.Violation> errors;
    private final Map<String, Object> extensions;

    public ProblemException(int status, ProblemType type, String detail) {
        this(status, type, detail, List.of(), Map.of());
    }

    public ProblemException(int status, ProblemType type, String detail, List<Problem.Violation> errors,
                            Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.type = type;
        this.status = status;
        this.errors = List.copyOf(errors);
        this.extensions = new LinkedHashMap<>(extensions);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, ProblemType.BAD_REQUEST, detail);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, ProblemType.VALIDATION, field + ": " + message,
                List.of(Problem.Violation.of(field, message)), Map.of());
    }

    /** A 400 listing every invalid field at once (query parameters, body fields), its detail naming them all. */
    public static ProblemException invalid(List<Problem.Violation> errors) {
        return new ProblemException(400, ProblemType.VALIDATION,
                String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors, Map.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, ProblemType.NOT_FOUND, detail);
    }

    public int status() { return status; }

    public Problem toProblem(URI instance) {
        return new Problem(type, status, getMessage(), instance, errors, extensions);
    }
}
