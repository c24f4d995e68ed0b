package io.storefront.gateway.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The public API's OpenAPI header: every operation needs an API key (Swagger UI's Authorize button takes one). */
@OpenAPIDefinition(
        info = @Info(title = "Storefront Insights API", version = "0.1.0",
                description = "Analytics, recommendations and review sentiment. Send an API key as 'Authorization: Bearer <key>'; "
                        + "roles reader < analyst < admin (see the README)."),
        security = @SecurityRequirement(name = "apiKey"),
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = "apiKey",
                type = SecuritySchemeType.HTTP, scheme = "bearer", description = "An API key made with bin/api-key")))
public class PublicApiDefinition extends Application {
}
