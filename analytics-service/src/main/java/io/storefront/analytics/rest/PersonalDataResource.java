package io.storefront.analytics.rest;

import io.smallrye.mutiny.Uni;
import io.storefront.analytics.repository.PersonalDataRepository;
import io.storefront.analytics.service.PersonalDataService;
import io.storefront.commons.privacy.Erasure;
import io.storefront.commons.privacy.PersonalData;
import io.storefront.commons.problem.Problem;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path(Erasure.PATH)
@Tag(name = "Personal data")
@Produces(MediaType.APPLICATION_JSON)
public class PersonalDataResource {

    private final PersonalDataService personalData;

    public PersonalDataResource(PersonalDataService personalData) {
        this.personalData = personalData;
    }

    @GET
    @Path("/{customerId}")
    @Operation(summary = "Everything held about a customer, for them to see or take elsewhere: every order with its "
            + "lines as imported (records.orders); empty for a customer with no orders")
    @APIResponse(responseCode = "200", description = "The customer's data",
            content = @Content(schema = @Schema(implementation = PersonalData.class)))
    @APIResponse(responseCode = "400", description = "Not a customer id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PersonalData> export(@RestPath String customerId) {
        String id = Erasure.customerId(customerId);
        return personalData.orders(id).map(orders -> new PersonalData(id, Map.of("orders", orders.stream()
                .map(OrderJson::of).toList())));
    }

    public record OrderJson(String orderId, LocalDate orderDate, String customerName, String state, String city,
                            List<LineJson> lines) {
        static OrderJson of(PersonalDataRepository.CustomerOrder o) {
            return new OrderJson(o.orderId(), o.orderDate(), o.customerName(), o.state(), o.city(), o.lines().stream()
                    .map(l -> new LineJson(l.productId(), l.productName(), l.category(), l.subCategory(), l.quantity(),
                            ViewJson.money(l.amountCents()), ViewJson.money(l.profitCents()), l.paymentMode()))
                    .toList());
        }
    }

    public record LineJson(String productId, String productName, String category, String subCategory, int quantity,
                           BigDecimal amount, BigDecimal profit, String paymentMode) {
    }

    @DELETE
    @Path("/{customerId}")
    @Operation(summary = "Forget a customer: their orders stay in every figure, under a random pseudonym and without "
            + "their name; their profile is gone. Idempotent: an unknown customer changes nothing")
    @APIResponse(responseCode = "200", description = "What was made anonymous",
            content = @Content(schema = @Schema(implementation = Erasure.class)))
    @APIResponse(responseCode = "400", description = "Not a customer id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Erasure> erase(@RestPath String customerId) {
        return personalData.erase(Erasure.customerId(customerId));
    }
}
