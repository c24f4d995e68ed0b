package io.storefront.commons.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storefront.commons.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every invalid parameter is named in the detail the same way, "field: what is wrong", in one answer. */
class QueryProblemsTest {

    @Test
    void everyBadParameterIsNamedInOneDetail() {
        ProblemException dates = assertThrows(ProblemException.class, () -> DateRangeQuery.parse("2024-13-01", "soon"));
        assertEquals("from: '2024-13-01' is not an ISO date (yyyy-mm-dd); to: 'soon' is not an ISO date (yyyy-mm-dd)",
                dates.getMessage());
        assertEquals(List.of("from", "to"), dates.toProblem(java.net.URI.create("/v")).getErrors().stream()
                .map(e -> e.field()).toList());
        ProblemException order = assertThrows(ProblemException.class, () -> DateRangeQuery.parse("2024-12-01", "2024-01-01"));
        assertEquals("from: must not be after to (2024-01-01)", order.getMessage());
    }

    @Test
    void aSingleBadParameterReadsTheSame() {
        assertEquals("limit: must be between 1 and 100",
                assertThrows(ProblemException.class, () -> CursorQuery.parse(null, "0", 50, 100)).getMessage());
        assertEquals("field: what is wrong", ProblemException.invalid("field", "what is wrong").getMessage());
    }
}
