package io.storefront.analytics.rest;

import io.storefront.analytics.service.SalesService.Parts;
import io.storefront.analytics.rest.ViewJson.Chart;
import io.storefront.analytics.rest.ViewJson.Figures;
import io.storefront.analytics.rest.ViewJson.ScopeJson;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Sales split by one dimension: payment modes, regions, categories or sub-categories. */
public record SalesBreakdownResponse(ScopeJson scope,
                                     @Schema(description = "payment_mode, state, city, category or sub_category") String by,
                                     String currency, Figures totals, List<Group> groups, List<Chart> charts) {

    @Schema(description = "One group; parent is the category of a sub-category or the state of a city. "
            + "Shares are of the groups' sums; loss is true when the group's profit is negative.")
    public record Group(String key, String parent, Figures figures, double revenueShare, double orderShare,
                        boolean loss) {
    }

    static SalesBreakdownResponse from(Parts p, String currency) {
        long revenue = p.parts().stream().mapToLong(x -> x.figures().revenueCents()).sum();
        long orders = p.parts().stream().mapToLong(x -> x.figures().orders()).sum();
        return new SalesBreakdownResponse(ScopeJson.of(p.scope()), p.by().name().toLowerCase(Locale.ROOT), currency,
                Figures.of(p.totals()),
                p.parts().stream().map(x -> new Group(x.key(), x.parent(), Figures.of(x.figures()),
                        ViewJson.share(x.figures().revenueCents(), revenue), ViewJson.share(x.figures().orders(), orders),
                        x.figures().profitCents() < 0)).toList(),
                Chart.all(p.charts()));
    }
}
