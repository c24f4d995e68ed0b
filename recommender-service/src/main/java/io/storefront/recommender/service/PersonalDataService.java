package io.storefront.recommender.service;

import io.smallrye.mutiny.Uni;
import io.storefront.commons.privacy.Erasure;
import io.storefront.recommender.repository.PersonalDataRepository;
import io.storefront.recommender.repository.PreferenceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A customer's data: shown to them, and forgotten on request. Their events, purchases and preferences are deleted, and the model is rebuilt without
 * them at once on this instance; other instances rebuild on their next check of the data.
 */
@ApplicationScoped
public class PersonalDataService {

    private static final Logger LOG = Logger.getLogger(PersonalDataService.class);

    private final PersonalDataRepository repository;
    private final PreferenceRepository preferences;
    private final ModelService models;

    public PersonalDataService(PersonalDataRepository repository, PreferenceRepository preferences, ModelService models) {
        this.repository = repository;
        this.preferences = preferences;
        this.models = models;
    }

    /** Everything the recommender holds about a customer, each kind of record with all its rows. */
    public Uni<Map<String, List<?>>> records(String userId) {
        return Uni.combine().all().unis(repository.held(userId), preferences.find(userId)).with((held, preference) -> {
            Map<String, List<?>> records = new LinkedHashMap<>();
            records.put("interactions", held.interactions());
            records.put("purchases", held.purchases());
            records.put("preferences", preference == null ? List.of() : List.of(preference));
            return records;
        });
    }

    public Uni<Erasure> erase(String userId) {
        return repository.delete(userId).map(deleted -> {
            if (deleted.any()) {
                // the log names no customer: it would keep what was just erased
                LOG.infof("personal data erased: %d interactions, %d purchases, %d preferences deleted; rebuilding the model",
                        deleted.interactions(), deleted.purchases(), deleted.preferences());
                models.rebuildSoon();
            }
            Map<String, Long> records = new LinkedHashMap<>();
            records.put("interactionsDeleted", deleted.interactions());
            records.put("purchasesDeleted", deleted.purchases());
            records.put("preferencesDeleted", deleted.preferences());
            return new Erasure(userId, records);
        });
    }
}
