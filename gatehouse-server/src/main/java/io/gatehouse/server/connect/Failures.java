package io.gatehouse.server.connect;

import io.gatehouse.protocol.json.DecodeException;
import io.vertx.core.http.UpgradeRejectedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns what went wrong on the wire into what it says about the device: a {@link DeviceException}. */
final class Failures {
    private Failures() {
    }

    /** {@code what} names the request ({@code GET /v1/device/functions}); the reason never holds a secret. */
    static DeviceException classify(Throwable failure, String what, CertificatePin pin) {
        if (failure instanceof DeviceException known) {
            return known;
        }
        CertificatePin.CertificateChangedException changed = find(failure, CertificatePin.CertificateChangedException.class);
        if (changed != null) {
            return certificateChanged(changed.pinned(), changed.presented());
        }
        if (find(failure, SSLException.class) != null && pin != null && pin.refused() != null) {
            return certificateChanged(pin.pinned(), pin.refused());
        }
        CertificateException untrusted = find(failure, CertificateException.class);
        if (untrusted != null) {
            return new DeviceException(DeviceState.CERTIFICATE_CHANGED, what + ": certificate not trusted: "
                    + untrusted.getMessage());
        }
        if (failure instanceof UpgradeRejectedException rejected) {
            return upgradeRejected(what, rejected);
        }
        if (timedOut(failure)) {
            return new DeviceException(DeviceState.OFFLINE, what + ": no answer in time");
        }
        if (find(failure, SSLException.class) != null) {
            return new DeviceException(DeviceState.DEGRADED, what + ": TLS failed: " + message(failure));
        }
        return new DeviceException(DeviceState.OFFLINE, what + ": " + unreachable(failure));
    }

    static DeviceException certificateChanged(String pinned, String presented) {
        return new DeviceException(DeviceState.CERTIFICATE_CHANGED, "certificate changed: the pinned certificate is"
                + " sha256 " + pinned + ", the device now presents sha256 " + presented
                + "; if the device was reset or its certificate replaced on purpose, accept the new fingerprint");
    }

    private static DeviceException upgradeRejected(String what, UpgradeRejectedException rejected) {
        int status = rejected.getStatus();
        String detail = rejectionDetail(rejected);
        if (status == 401) {
            return new DeviceException(DeviceState.UNAUTHORIZED, what + ": the device refuses the credentials (HTTP 401)");
        }
        return new DeviceException(DeviceState.DEGRADED, what + ": the device refused the WebSocket (HTTP " + status
                + (detail.isEmpty() ? ")" : "): " + detail));
    }

    /** The terminal says why in its envelope; other devices' bodies are quoted, shortened. */
    private static String rejectionDetail(UpgradeRejectedException rejected) {
        if (rejected.getBody() == null || rejected.getBody().length() == 0) {
            return "";
        }
        try {
            return TerminalAnswers.describe(TerminalAnswers.envelope(rejected.getBody().getBytes()));
        } catch (DecodeException e) {
            String body = rejected.getBody().toString();
            return body.length() > 200 ? body.substring(0, 200) + "..." : body;
        }
    }

    private static String unreachable(Throwable failure) {
        if (find(failure, ConnectException.class) != null) {
            return "connection refused";
        }
        if (find(failure, NoRouteToHostException.class) != null || find(failure, UnknownHostException.class) != null) {
            return "no route to the device (" + message(failure) + ")";
        }
        return "unreachable (" + message(failure) + ")";
    }

    /** Netty's connect timeout, Vert.x's idle timeout and the JDK's all say so in their class name or message. */
    private static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String text = (t.getClass().getSimpleName() + " " + message(t)).toLowerCase(Locale.ROOT);
            if (t instanceof TimeoutException || text.contains("timeout") || text.contains("timed out")) {
                return true;
            }
        }
        return false;
    }

    static String message(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
