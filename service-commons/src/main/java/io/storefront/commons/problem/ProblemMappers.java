package io.storefront.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.storefront.commons.http.BodyTooLargeException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches the REST layer into {@code application/problem+json}.
 * Bodies never carry class names or stack traces; a 5xx gets an error id that is also logged,
 * so an operator can find the cause without the client seeing it.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return toResponse(e, uri);
    }

    /** For a service's own mappers of domain exceptions, so that every problem is built the same way. */
    public static Response toResponse(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(instance(uri)));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> errors = e.getConstraintViolations().stream()
                .map(v -> Problem.Violation.of(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = errors.stream().map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("; "));
        return respond(new Problem(ProblemType.VALIDATION, 400, detail, instance(uri), errors, Map.of()));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String detail = "The request body is not valid JSON for this endpoint";
        List<Problem.Violation> errors = List.of();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String reason = e instanceof InvalidFormatException || e instanceof MismatchedInputException
                    ? "has the wrong type or format" : "is invalid";
            errors = List.of(Problem.Violation.of(field, reason));
            detail = field + " " + reason;
        } else if (e.getLocation() != null) {
            detail += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return respond(new Problem(ProblemType.MALFORMED_BODY, 400, detail, instance(uri), errors, Map.of()));
    }

    /**
     * Quarkus REST maps this subclass itself (a JSON body of its own), and the most specific mapper
     * wins, so it is named here to keep wrong types in a body a problem like every other.
     */
    @ServerExceptionMapper
    public Response wrongTypeInJson(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response bodyTooLarge(BodyTooLargeException e, UriInfo uri) {
        return respond(new Problem(ProblemType.PAYLOAD_TOO_LARGE, 413, e.getMessage(), instance(uri), List.of(), Map.of()));
    }

    /**
     * A multipart body that ends early or has no valid parts is the client's fault, not ours; so is a body
     * sent without a length that runs past Quarkus' own cut-off, a backstop behind
     * {@link io.storefront.commons.http.BufferedBodyLimit} (Quarkus has already answered it 413 and stops reading).
     */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e, UriInfo uri) {
        if (readingBody(e, "org.jboss.resteasy.reactive.server.vertx.VertxInputStream") && "Request too large".equals(e.getMessage())) {
            LOG.debugf("a body without a length ran past the limit on %s", uri == null ? null : uri.getPath());
            return respond(new Problem(ProblemType.PAYLOAD_TOO_LARGE, 413, "The request body is larger than this "
                    + "endpoint accepts", instance(uri), List.of(), Map.of()));
        }
        if (!readingBody(e, "org.jboss.resteasy.reactive.server.core.multipart")) {
            return internal(e, uri, 500);
        }
        return respond(new Problem(ProblemType.MALFORMED_BODY, 400,
                "The multipart body could not be read: " + e.getMessage(), instance(uri), List.of(), Map.of()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, uri, status);
        }
        String detail = switch (status) {
            case 404 -> "No resource at " + uri.getPath();
            case 405 -> "This method is not supported on " + uri.getPath();
            case 406 -> "No representation matches the Accept header";
            case 413 -> "The request body is larger than this endpoint accepts";
            case 415 -> "This content type is not accepted here";
            default -> e.getMessage() == null ? "The request was not understood" : e.getMessage();
        };
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(ProblemType.forStatus(status), status, detail, instance(uri), List.of(), Map.of()));
        // keep headers that tell the client how to proceed (Allow, Retry-After, WWW-Authenticate)
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        return internal(e, uri, 500);
    }

    private static boolean readingBody(Throwable e, String readerClassPrefix) {
        return java.util.Arrays.stream(e.getStackTrace()).anyMatch(frame -> frame.getClassName().startsWith(readerClassPrefix));
    }

    private static Response internal(Throwable e, UriInfo uri, int status) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, instance(uri)); // encoded: a decoded path can hold control characters
        Problem body = new Problem(ProblemType.forStatus(status), status,
                "An unexpected error occurred; quote error id " + errorId + " to the operators",
                instance(uri), List.of(), Map.of("errorId", errorId));
        return respond(body);
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static URI instance(UriInfo uri) {
        // the raw (still percent-encoded) path: a decoded one with a space or '%' is not a URI
        return uri == null ? null : URI.create(uri.getRequestUri().getRawPath());
    }

    /** "importSales.arg0.rows[2].amount" becomes "rows[2].amount"; a bare parameter keeps its name. */
    static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder name = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER && node.getName().startsWith("arg")) {
                continue;
            }
            if (node.getIndex() != null && !name.isEmpty()) {
                name.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (!name.isEmpty()) name.append('.');
                name.append(node.getName());
            }
        }
        return name.isEmpty() ? "request" : name.toString();
    }
}
