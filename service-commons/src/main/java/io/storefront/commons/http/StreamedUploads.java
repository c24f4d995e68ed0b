package io.storefront.commons.http;

/**
 * Routes that stream their request body instead of reading it into memory, and so enforce a limit of
 * their own: {@link OversizedBodies} leaves them to it. A bean implementing this names them.
 */
public interface StreamedUploads {

    boolean streams(String method, String path);
}
