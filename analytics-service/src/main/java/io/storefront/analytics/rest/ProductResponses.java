package io.storefront.analytics.rest;

import io.storefront.analytics.domain.ProductMonths;
import io.storefront.analytics.rest.ViewJson.Chart;
import io.storefront.analytics.rest.ViewJson.Figures;
import io.storefront.analytics.rest.ViewJson.ScopeJson;
import io.storefront.analytics.service.ProductService;
import io.storefront.analytics.service.SalesService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** JSON of the product views. */
public final class ProductResponses {

    private ProductResponses() {
    }

    @Schema(description = "A ranked product; key is the product id (or name, or category / sub-category where the data "
            + "has neither)")
    public record Product(int rank, String key, String name, String category, String subCategory, Figures figures) {
    }

    public record TopProductsResponse(ScopeJson scope, String by, String currency, List<Product> products,
                                      List<Chart> charts) {
        static TopProductsResponse from(ProductService.TopProducts t, String currency) {
            List<Product> products = new ArrayList<>();
            for (ProductMonths.Ranked p : t.products()) {
                products.add(new Product(products.size() + 1, p.product().key(), p.product().name(),
                        p.product().category(), p.product().subCategory(), Figures.of(p.figures())));
            }
            return new TopProductsResponse(ScopeJson.of(t.scope()), t.metric().name().toLowerCase(Locale.ROOT), currency,
                    products, Chart.all(t.charts()));
        }
    }

    public record Value(String key, BigDecimal averageOrderValue, long orders, BigDecimal revenue) {
    }

    public record MonthValue(LocalDate start, BigDecimal averageOrderValue, long orders, BigDecimal revenue) {
    }

    @Schema(description = "Average order value = revenue / orders. By category: the category's revenue over the orders "
            + "with a line in it; by payment mode likewise")
    public record AverageOrderValueResponse(ScopeJson scope, String currency, Figures overall, List<MonthValue> monthly,
                                            List<Value> byCategory, List<Value> byPaymentMode, List<Chart> charts) {
        static AverageOrderValueResponse from(SalesService.AverageOrderValue a, String currency) {
            return new AverageOrderValueResponse(ScopeJson.of(a.scope()), currency, Figures.of(a.totals()),
                    a.monthly().stream().map(m -> new MonthValue(m.start(), aov(m.figures().averageOrderCents()),
                            m.figures().orders(), ViewJson.money(m.figures().revenueCents()))).toList(),
                    a.byCategory().stream().map(ProductResponses::value).toList(),
                    a.byPaymentMode().stream().map(ProductResponses::value).toList(), Chart.all(a.charts()));
        }
    }

    private static Value value(SalesService.Part p) {
        return new Value(p.key(), aov(p.figures().averageOrderCents()), p.figures().orders(),
                ViewJson.money(p.figures().revenueCents()));
    }

    private static BigDecimal aov(double cents) {
        return ViewJson.money(cents / 100.0);
    }
}
