package io.storefront.commons.privacy;

import io.storefront.commons.problem.ProblemException;
import io.storefront.commons.problem.StoredText;
import java.util.Map;

/**
 * What a service did to honour a customer's request to be forgotten, the answer of every service to
 * {@code DELETE /api/v1/personal-data/{customerId}}: each kind of record it deleted or made anonymous, with
 * how many. Erasing a customer a service does not know changes nothing and is no error, so the gateway can ask
 * every service, and ask again after a failure.
 */
public record Erasure(String customerId, Map<String, Long> records) {

    /** The route, the same in every service and at the gateway. */
    public static final String PATH = "/api/v1/personal-data";

    /** Longer ids are refused by every service when stored, so none can be stored under one. */
    public static final int MAX_ID_LENGTH = 200;

    /**
     * The customer id of an erasure request, checked the same way in every service: 400 when it cannot be an id.
     * Stripped, as the services strip ids before they store them.
     */
    public static String customerId(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalid("customerId", "is required");
        }
        if (raw.length() > MAX_ID_LENGTH) {
            throw ProblemException.invalid("customerId", "at most " + MAX_ID_LENGTH + " characters");
        }
        String unstorable = StoredText.problem(raw);
        if (unstorable != null) {
            throw ProblemException.invalid("customerId", unstorable);
        }
        return raw.strip();
    }
}
