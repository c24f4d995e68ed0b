package io.storefront.sentiment.rest;

import io.storefront.commons.problem.Problem;
import java.util.List;

/** What a batch did: reviews stored (new or replaced), and each rejected one with its index and reason. */
public record ReviewBatchResponse(int received, int stored, String model, List<Problem.Violation> rejected) {
}
