package io.storefront.commons.http;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/**
 * Conditional GET for views keyed by a data version: a strong ETag per (view, parameters, version),
 * 304 when the client already has it, and a Cache-Control that lets a CDN keep it.
 */
public final class Conditional {

    private Conditional() {
    }

    /** {@code view-v<version>-<hash of the parameters>}; parameters may be null. */
    public static EntityTag etag(String view, long version, Object... parameters) {
        return new EntityTag(view + "-v" + version + "-" + Integer.toHexString(java.util.Arrays.hashCode(parameters)));
    }

    /** Whether an If-None-Match header names {@code tag} (or is {@code *}). */
    public static boolean matches(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) return false;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*")) return true;
            if (c.startsWith("W/")) c = c.substring(2);
            if (c.equals("\"" + tag.getValue() + "\"")) return true;
        }
        return false;
    }

    public static CacheControl publicFor(Duration maxAge) {
        CacheControl cc = new CacheControl();
        cc.setPrivate(false);
        cc.setNoTransform(false);
        cc.setMaxAge((int) maxAge.toSeconds());
        return cc;
    }

    public static Response notModified(EntityTag tag, CacheControl cacheControl) {
        return Response.notModified(tag).cacheControl(cacheControl).build();
    }
}
