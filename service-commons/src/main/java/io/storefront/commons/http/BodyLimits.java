package io.storefront.commons.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * The request bodies a service reads into memory (JSON) may be smaller than its multipart uploads, which Quarkus
 * spools to disk and an import reads as a stream: {@code quarkus.http.limits.max-body-size} caps the uploads, this
 * caps everything else ({@link OversizedBodies}).
 */
@ConfigMapping(prefix = "storefront.http")
public interface BodyLimits {

    /** The largest body other than a multipart upload; unset, the same as {@code quarkus.http.limits.max-body-size}. */
    Optional<MemorySize> maxBufferedBodySize();
}
