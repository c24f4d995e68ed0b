package io.storefront.recommender.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.problem.ProblemType;
import io.storefront.commons.problem.StoredText;
import io.storefront.recommender.config.RecommenderConfig;
import io.storefront.recommender.repository.InteractionRepository;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/interactions")
@Tag(name = "Interactions")
@Produces(MediaType.APPLICATION_JSON)
public class InteractionResource {

    static final Set<String> KINDS = Set.of("view", "cart", "purchase", "rating");
    static final int MAX_ID_LENGTH = 200;
    static final int MAX_QUANTITY = 100_000;

    @Schema(example = "{\"userId\": \"C-42\", \"productId\": \"P-17\", \"kind\": \"cart\", \"occurredAt\": \"2026-11-02T10:15:00Z\"}")
    public record InteractionInput(String userId, String productId,
                                   @Schema(description = "view, cart, purchase or rating") String kind,
                                   @Schema(description = "1..5, required for kind rating") Integer rating,
                                   @Schema(description = "default 1") Integer quantity,
                                   @Schema(description = "ISO instant or date; absent = now") String occurredAt) {
    }

    /** What a batch did: events new to the store, repeats of stored ones (ignored), rejected ones. */
    public record BatchResult(int received, int stored, int duplicates, List<Problem.Violation> rejected) {
    }

    private final InteractionRepository interactions;
    private final RecommenderConfig config;

    public InteractionResource(InteractionRepository interactions, RecommenderConfig config) {
        this.interactions = interactions;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a batch of shop events (JSON array); an event sent twice (same user, product, kind and "
            + "time) is stored once. They reach recommendations at the next model build.")
    @APIResponse(responseCode = "200", description = "Stored; rejected events listed with index and reason",
            content = @Content(schema = @Schema(implementation = BatchResult.class)))
    @APIResponse(responseCode = "422", description = "No event in the batch could be stored; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<BatchResult> record(List<InteractionInput> batch) {
        if (batch == null || batch.isEmpty() || batch.size() > config.maxBatch()) {
            throw ProblemException.invalid("interactions", "between 1 and " + config.maxBatch() + " events a batch, got "
                    + (batch == null ? 0 : batch.size()));
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Problem.Violation> rejected = new ArrayList<>();
        List<InteractionRepository.Event> events = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            String at = "interactions[" + i + "]";
            InteractionInput in = batch.get(i);
            Object checked = in == null ? Problem.Violation.of(at, "is null, not an event") : check(in, at, now);
            if (checked instanceof Problem.Violation v) rejected.add(v);
            else events.add((InteractionRepository.Event) checked);
        }
        if (events.isEmpty()) {
            throw new ProblemException(422, ProblemType.INVALID_ROWS, "No event in the batch could be stored", rejected, Map.of());
        }
        return interactions.insert(events).map(stored -> new BatchResult(batch.size(), stored, events.size() - stored, rejected));
    }

    static Object check(InteractionInput in, String at, OffsetDateTime now) {
        if (in.userId() == null || in.userId().isBlank() || in.userId().length() > MAX_ID_LENGTH) {
            return Problem.Violation.of(at + ".userId", "is required, at most " + MAX_ID_LENGTH + " characters");
        }
        if (in.productId() == null || in.productId().isBlank() || in.productId().length() > MAX_ID_LENGTH) {
            return Problem.Violation.of(at + ".productId", "is required, at most " + MAX_ID_LENGTH + " characters");
        }
        Problem.Violation unstorable = StoredText.violation(at + ".userId", in.userId());
        if (unstorable == null) unstorable = StoredText.violation(at + ".productId", in.productId());
        if (unstorable != null) return unstorable;
        if (in.kind() == null || !KINDS.contains(in.kind())) {
            return Problem.Violation.of(at + ".kind", "must be one of view, cart, purchase, rating; got " + in.kind());
        }
        if (in.kind().equals("rating") != (in.rating() != null)) {
            return Problem.Violation.of(at + ".rating", "is required for kind rating and only for it");
        }
        if (in.rating() != null && (in.rating() < 1 || in.rating() > 5)) {
            return Problem.Violation.of(at + ".rating", "must be 1 to 5, got " + in.rating());
        }
        int quantity = in.quantity() == null ? 1 : in.quantity();
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            return Problem.Violation.of(at + ".quantity", "must be 1 to " + MAX_QUANTITY + ", got " + quantity);
        }
        OffsetDateTime time = now;
        if (in.occurredAt() != null && !in.occurredAt().isBlank()) {
            String v = in.occurredAt().strip();
            try {
                time = v.length() == 10 ? LocalDate.parse(v).atStartOfDay().atOffset(ZoneOffset.UTC) : OffsetDateTime.parse(v);
            } catch (DateTimeParseException e) {
                return Problem.Violation.of(at + ".occurredAt", "'" + v + "' is not an ISO instant (2026-11-02T10:15:00Z) or date");
            }
            if (time.isAfter(now.plusDays(1))) return Problem.Violation.of(at + ".occurredAt", "is in the future");
            if (time.getYear() < 1990) return Problem.Violation.of(at + ".occurredAt", "is before 1990");
        }
        return new InteractionRepository.Event(in.userId().strip(), in.productId().strip(), in.kind(), in.rating(), quantity, time);
    }
}
