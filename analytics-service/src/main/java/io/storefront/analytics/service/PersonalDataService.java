package io.storefront.analytics.service;

import io.smallrye.mutiny.Uni;
import io.storefront.analytics.repository.PersonalDataRepository;
import io.storefront.commons.privacy.Erasure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A customer's data: shown to them as it was imported, and forgotten on request. Orders are the store's books and
 * its figures, so they are kept: the customer's id becomes a random pseudonym (the same for all their orders, so
 * segments, RFM and cohorts still count one customer) and the name goes. State and city stay, for the regional views.
 */
@ApplicationScoped
public class PersonalDataService {

    private static final Logger LOG = Logger.getLogger(PersonalDataService.class);

    private final PersonalDataRepository repository;
    private final ViewWarmer warmer;

    public PersonalDataService(PersonalDataRepository repository, ViewWarmer warmer) {
        this.repository = repository;
        this.warmer = warmer;
    }

    /** Every order of the customer with its lines, as imported. */
    public Uni<List<PersonalDataRepository.CustomerOrder>> orders(String customerKey) {
        return repository.orders(customerKey);
    }

    public Uni<Erasure> erase(String customerKey) {
        // random, not derived from the id: a hash of a known id would lead straight back to it
        String pseudonym = "erased-" + UUID.randomUUID();
        return repository.pseudonymise(customerKey, pseudonym).map(done -> {
            if (done.dataVersion() != null) {
                // the log names no customer: it would keep what was just erased
                LOG.infof("personal data erased: %d orders made anonymous, data version %d", done.orders(),
                        done.dataVersion());
                warmer.warm(done.dataVersion());
            }
            return new Erasure(customerKey, Map.of("ordersMadeAnonymous", done.orders()));
        });
    }
}
