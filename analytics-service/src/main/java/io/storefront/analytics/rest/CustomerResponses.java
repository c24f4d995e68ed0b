package io.storefront.analytics.rest;

import io.storefront.analytics.domain.customer.BehaviourClusters;
import io.storefront.analytics.domain.customer.Customer;
import io.storefront.analytics.domain.customer.PurchaseFrequency;
import io.storefront.analytics.rest.ViewJson.Chart;
import io.storefront.analytics.service.CustomerService;
import io.storefront.analytics.service.CustomerService.Group;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** JSON of the customer views. Money in major units; recency in days before {@code asOf}, the last day with orders. */
public final class CustomerResponses {

    private CustomerResponses() {
    }

    @Schema(description = "A group of customers: shares of all customers in the selection and of their spend")
    public record GroupJson(String name, long customers, double customerShare, long orders, BigDecimal revenue,
                            double revenueShare, double meanRecencyDays, double meanOrders, BigDecimal meanRevenue) {
        static GroupJson of(Group g) {
            return new GroupJson(g.name(), g.customers(), g.customerShare(), g.orders(), ViewJson.money(g.revenueCents()),
                    g.revenueShare(), g.meanRecencyDays(), g.meanOrders(), ViewJson.money(g.meanRevenueCents() / 100.0));
        }
    }

    public record Thresholds(String method, BigDecimal low, BigDecimal high) {
    }

    @Schema(description = "Low ≤ low < Medium ≤ high < High, by spend; quantile thresholds are the spend terciles")
    public record SegmentsResponse(String state, LocalDate asOf, String currency, long customers, BigDecimal revenue,
                                   Thresholds thresholds, List<GroupJson> segments, List<Chart> charts) {
        static SegmentsResponse from(CustomerService.Segments s, String currency) {
            return new SegmentsResponse(s.of().state(), s.of().asOf(), currency, s.of().customers().size(),
                    ViewJson.money(s.revenueCents()), new Thresholds(s.thresholds().method(),
                    ViewJson.money(s.thresholds().lowCents()), ViewJson.money(s.thresholds().highCents())),
                    s.segments().stream().map(GroupJson::of).toList(), Chart.all(s.charts()));
        }
    }

    @Schema(description = "RFM: scores 1–5 by quintile (5 = most recent, most orders, highest spend); "
            + "grid[r-1][f-1] counts customers with recency score r and frequency score f")
    public record RfmResponse(String state, LocalDate asOf, String currency, long customers, List<GroupJson> segments,
                              long[][] grid, List<Chart> charts) {
        static RfmResponse from(CustomerService.RfmView v, String currency) {
            return new RfmResponse(v.of().state(), v.of().asOf(), currency, v.of().customers().size(),
                    v.segments().stream().map(GroupJson::of).toList(), v.recencyByFrequency(), Chart.all(v.charts()));
        }
    }

    public record ClusterJson(int id, String label, String description, int customers, double meanRecencyDays,
                              double meanOrders, BigDecimal meanRevenue) {
    }

    @Schema(description = "k-means on standardised (recency, log orders, log spend); silhouetteByK lists the k tried")
    public record ClustersResponse(String state, LocalDate asOf, String currency, long customers, int k,
                                   boolean chosenBySilhouette, double silhouette, Map<Integer, Double> silhouetteByK,
                                   List<ClusterJson> clusters, List<Chart> charts) {
        static ClustersResponse from(CustomerService.Clusters c, String currency) {
            BehaviourClusters.Result r = c.result();
            return new ClustersResponse(c.of().state(), c.of().asOf(), currency, c.of().customers().size(), r.k(),
                    r.chosenBySilhouette(), r.silhouette(), r.silhouetteByK(),
                    r.clusters().stream().map(x -> new ClusterJson(x.id(), x.label(), x.description(), x.customers(),
                            Math.round(x.recencyDays() * 10) / 10.0, Math.round(x.orders() * 100) / 100.0,
                            ViewJson.money(x.revenueCents() / 100.0))).toList(),
                    Chart.all(c.charts()));
        }
    }

    public record FrequencyResponse(String state, LocalDate asOf, String currency, long customers, long repeatCustomers,
                                    double repeatRate, Double medianDaysBetweenOrders,
                                    List<PurchaseFrequency.Bin> ordersPerCustomer,
                                    List<PurchaseFrequency.Bin> daysBetweenOrders,
                                    @Schema(description = "bins in major currency units")
                                    List<PurchaseFrequency.Bin> spendPerCustomer, List<Chart> charts) {
        static FrequencyResponse from(CustomerService.Frequency f, String currency) {
            PurchaseFrequency.Result r = f.result();
            return new FrequencyResponse(f.of().state(), f.of().asOf(), currency, r.customers(), r.repeatCustomers(),
                    r.repeatRate(), r.medianDaysBetweenOrders() == null ? null
                    : Math.round(r.medianDaysBetweenOrders() * 10) / 10.0,
                    r.ordersPerCustomer(), r.daysBetweenOrders(), r.spendPerCustomer(), Chart.all(f.charts()));
        }
    }

    @Schema(description = "A cohort: customers whose first order fell in `month`; active[k] of them ordered k months "
            + "later (retention[k] in %); entries after the last month with data are absent")
    public record Cohort(LocalDate month, long customers, List<Long> active, List<Double> retention) {
    }

    public record CohortsResponse(String state, LocalDate lastMonth, List<Cohort> cohorts, List<Chart> charts) {
        static CohortsResponse from(CustomerService.CohortView v) {
            List<Cohort> cohorts = new ArrayList<>();
            for (int r = 0; r < v.matrix().cohorts().size(); r++) {
                List<Long> active = new ArrayList<>();
                List<Double> retention = new ArrayList<>();
                for (int k = 0; k < v.matrix().active()[r].length && v.matrix().active()[r][k] != null; k++) {
                    active.add(v.matrix().active()[r][k]);
                    retention.add(v.matrix().retentionPercent()[r][k]);
                }
                cohorts.add(new Cohort(v.matrix().cohorts().get(r), v.matrix().sizes()[r], active, retention));
            }
            return new CohortsResponse(v.state(), v.lastMonth(), cohorts, Chart.all(v.charts()));
        }
    }

    public record Month(LocalDate month, long orders, BigDecimal revenue) {
    }

    public record SubCategory(String category, String subCategory, long orders, long units, BigDecimal revenue) {
    }

    public record Order(String orderId, LocalDate day, int lines, long units, BigDecimal revenue, BigDecimal profit) {
    }

    public record RfmScore(int recency, int frequency, int monetary, String segment) {
    }

    public record ProfileResponse(String key, String name, String state, String city, LocalDate firstOrder,
                                  LocalDate lastOrder, long daysSinceLastOrder, long orders, BigDecimal revenue,
                                  BigDecimal profit, BigDecimal averageOrderValue, String valueSegment, RfmScore rfm,
                                  List<Month> months, List<SubCategory> topSubCategories, List<Order> recentOrders) {
        static ProfileResponse from(CustomerService.Profile p) {
            Customer c = p.customer();
            return new ProfileResponse(c.key(), c.name(), c.state(), c.city(), c.firstDay(), c.lastDay(),
                    c.recencyDays(p.asOf()), c.orders(), ViewJson.money(c.revenueCents()), ViewJson.money(c.profitCents()),
                    ViewJson.money(c.orders() == 0 ? 0 : c.revenueCents() / 100.0 / c.orders()), p.valueSegment(),
                    p.rfm() == null ? null : new RfmScore(p.rfm().recency(), p.rfm().frequency(), p.rfm().monetary(),
                            p.rfm().segment()),
                    p.months().stream().map(m -> new Month(m.month(), m.orders(), ViewJson.money(m.revenueCents()))).toList(),
                    p.topSubCategories().stream().map(s -> new SubCategory(s.category(), s.subCategory(), s.orders(),
                            s.units(), ViewJson.money(s.revenueCents()))).toList(),
                    p.recentOrders().stream().map(o -> new Order(o.orderId(), o.day(), o.lines(), o.units(),
                            ViewJson.money(o.revenueCents()), ViewJson.money(o.profitCents()))).toList());
        }
    }
}
