package io.storefront.sentiment.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import io.storefront.sentiment.config.SentimentConfig;
import io.storefront.sentiment.service.ScoringService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sentiment")
@Tag(name = "Scoring")
public class SentimentResource {

    private final ScoringService scoring;
    private final SentimentConfig config;

    public SentimentResource(ScoringService scoring, SentimentConfig config) {
        this.scoring = scoring;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Polarity, subjectivity, label, per-sentence scores and aspects of a text (review, "
            + "product description) or of a batch of texts; nothing is stored")
    @APIResponse(responseCode = "200", description = "One result for text, or {model, results[]} for texts",
            content = @Content(schema = @Schema(implementation = ScoreResponse.class)))
    @APIResponse(responseCode = "400", description = "Neither or both of text and texts, or too many texts",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "A text is over the length limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A text is binary data, not text",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Object> score(ScoreRequest request) {
        if (request == null || (request.text() == null) == (request.texts() == null)) {
            throw ProblemException.invalid("text", "give either text (one string) or texts (an array of strings)");
        }
        if (request.text() != null) {
            return scoring.score(List.of(request.text()), "text")
                    .map(scores -> ScoreResponse.of(scores.results().getFirst(), scores.model()));
        }
        List<String> texts = request.texts();
        if (texts.isEmpty() || texts.size() > config.maxBatch()) {
            throw ProblemException.invalid("texts", "between 1 and " + config.maxBatch() + " texts, got " + texts.size());
        }
        if (texts.contains(null)) {
            throw ProblemException.invalid("texts[" + texts.indexOf(null) + "]", "must be a string, not null");
        }
        return scoring.score(texts, "texts").map(scores -> new ScoreResponse.Batch(scores.model(),
                scores.results().stream().map(s -> ScoreResponse.of(s, scores.model())).toList()));
    }
}
