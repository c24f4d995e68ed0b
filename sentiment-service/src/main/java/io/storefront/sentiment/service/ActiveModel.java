package io.storefront.sentiment.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.storefront.sentiment.domain.model.DomainModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicReference;

/** The trained model scoring uses, or none (the lexicon). Set by {@link ModelService}. */
@ApplicationScoped
public class ActiveModel {

    private final AtomicReference<DomainModel> model = new AtomicReference<>();
    private final MeterRegistry registry;
    private final Gauge version;

    public ActiveModel(MeterRegistry registry) {
        this.registry = registry;
        this.version = Gauge.builder("storefront.sentiment.active.model.version", model,
                        m -> m.get() == null ? 0 : m.get().version())
                .description("The trained model version this instance scores with; 0 while the lexicon scores")
                .register(registry);
    }

    /** The gauge reads this instance's state; a registry that outlives it (tests restart the app) must not keep it. */
    void onStop(@Observes ShutdownEvent event) {
        registry.remove(version);
    }

    /** The active model, or null when the lexicon scores. */
    public DomainModel get() {
        return model.get();
    }

    void set(DomainModel active) {
        model.set(active);
    }
}
