package io.storefront.sentiment.service;

import io.storefront.sentiment.domain.model.DomainModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;

/** The trained model scoring uses, or none (the lexicon). Set by {@link ModelService}. */
@ApplicationScoped
public class ActiveModel {

    private final AtomicReference<DomainModel> model = new AtomicReference<>();

    /** The active model, or null when the lexicon scores. */
    public DomainModel get() {
        return model.get();
    }

    void set(DomainModel active) {
        model.set(active);
    }
}
