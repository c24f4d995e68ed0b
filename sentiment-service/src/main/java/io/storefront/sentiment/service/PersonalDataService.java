package io.storefront.sentiment.service;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.privacy.Erasure;
import io.storefront.sentiment.repository.ReviewRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A customer's data: the reviews they wrote, shown to them, and forgotten on request. The reviews they wrote are deleted, not made anonymous, since their text is theirs and
 * may name them. The summaries of the products they reviewed are recomputed and go to the change feed.
 */
@ApplicationScoped
public class PersonalDataService {

    private static final Logger LOG = Logger.getLogger(PersonalDataService.class);

    private final ReviewRepository reviews;
    private final ScoringService scoring;

    public PersonalDataService(ReviewRepository reviews, ScoringService scoring) {
        this.reviews = reviews;
        this.scoring = scoring;
    }

    public Uni<List<ReviewRepository.StoredReview>> reviews(String customerId) {
        return reviews.byCustomer(customerId);
    }

    public Uni<Erasure> erase(String customerId) {
        return reviews.deleteByCustomer(customerId, scoring.activeModelName()).map(deleted -> {
            // the log names no customer: it would keep what was just erased
            if (deleted > 0) LOG.infof("personal data erased: %d reviews deleted", deleted);
            return new Erasure(customerId, Map.of("reviewsDeleted", (long) deleted));
        });
    }
}
