package io.gatehouse.server.connect;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The hub's device-facing URLs carry an unguessable per-device path (devices cannot send credentials), so the
 * path is a secret: logs and state reasons show only where a URL points, never the path.
 */
final class Redact {
    private Redact() {
    }

    /** {@code http://hub:8080/…} for {@code http://hub:8080/d/4f9c…}; {@code null} stays {@code null}. */
    static String url(String url) {
        if (url == null) {
            return null;
        }
        if (url.isEmpty()) {
            return "(none)";
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() != null && uri.getRawAuthority() != null) {
                boolean hasPath = uri.getRawPath() != null && uri.getRawPath().length() > 1 || uri.getRawQuery() != null;
                return uri.getScheme() + "://" + uri.getRawAuthority().replaceAll("^.*@", "") + (hasPath ? "/…" : "");
            }
        } catch (URISyntaxException e) {
            // falls through: not a URL we can take apart
        }
        return "(a URL that does not parse)";
    }
}
