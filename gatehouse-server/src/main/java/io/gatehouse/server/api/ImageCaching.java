package io.gatehouse.server.api;

import io.vertx.core.http.HttpServerResponse;

/**
 * Images never change (their name is the SHA-256 of their bytes), so their ETag is that hash and a client may keep
 * them for a year. {@code private}: they are behind the admin token, so shared caches must not keep them.
 */
final class ImageCaching {
    static final String CACHE_CONTROL = "private, max-age=31536000, immutable";

    private ImageCaching() {
    }

    static HttpServerResponse headers(HttpServerResponse response, String etag) {
        return response.putHeader("ETag", etag).putHeader("Cache-Control", CACHE_CONTROL);
    }

    /** Whether an {@code If-None-Match} header names this image (a list of tags, weak or strong). */
    static boolean matches(String ifNoneMatch, String sha256) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("\"" + sha256 + "\"")) {
                return true;
            }
        }
        return false;
    }
}
