package io.storefront.sentiment.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One text ({@code text}) or a batch ({@code texts}), not both. */
@Schema(description = "Give either text or texts", example = "{\"text\": \"Great screen, but the battery died in a week.\"}")
public record ScoreRequest(String text, List<String> texts) {
}
