package io.storefront.recommender.service;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.problem.Problem;
import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.problem.ProblemType;
import io.storefront.recommender.config.RecommenderConfig;
import io.storefront.recommender.domain.catalog.ProductInput;
import io.storefront.recommender.domain.catalog.ProductRules;
import io.storefront.recommender.repository.CatalogRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Catalog batches: valid products stored in one transaction, the others rejected with index and reason. */
@ApplicationScoped
public class CatalogService {

    /** What a batch did. */
    public record BatchResult(int received, int stored, List<Problem.Violation> rejected) {
    }

    private final CatalogRepository catalog;
    private final RecommenderConfig config;

    public CatalogService(CatalogRepository catalog, RecommenderConfig config) {
        this.catalog = catalog;
        this.config = config;
    }

    public Uni<BatchResult> store(List<ProductInput> batch) {
        if (batch == null || batch.isEmpty() || batch.size() > config.maxBatch()) {
            throw ProblemException.invalid("products", "between 1 and " + config.maxBatch() + " products a batch, got "
                    + (batch == null ? 0 : batch.size()) + " (load more with a CSV import)");
        }
        List<Problem.Violation> rejected = new ArrayList<>();
        Map<String, ProductInput> accepted = accept(batch, "products", rejected);
        if (accepted.isEmpty()) {
            throw new ProblemException(422, ProblemType.INVALID_ROWS, "No product in the batch could be stored", rejected,
                    Map.of());
        }
        return catalog.upsert(List.copyOf(accepted.values()))
                .map(stored -> new BatchResult(batch.size(), stored, rejected));
    }

    /** The valid products by id (a later copy of an id wins, as it would in a later batch); the rest into {@code rejected}. */
    static Map<String, ProductInput> accept(List<ProductInput> batch, String field, List<Problem.Violation> rejected) {
        Map<String, ProductInput> accepted = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            ProductInput in = batch.get(i);
            String at = field + "[" + i + "]";
            if (in == null) {
                rejected.add(Problem.Violation.of(at, "is null, not a product"));
                continue;
            }
            Problem.Violation problem = ProductRules.problem(in, at);
            if (problem != null) {
                rejected.add(problem);
                continue;
            }
            accepted.remove(in.productId().strip());
            accepted.put(in.productId().strip(), in);
        }
        return accepted;
    }
}
