package io.gatehouse.server.connect;

import io.gatehouse.protocol.sense.DeviceFunctions;
import io.gatehouse.protocol.sense.SubscribeConfig;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings one terminal's settings to its {@link TerminalPlan} and proves it: reads each setting the plan names,
 * writes only what differs, and reads it back. Settings the plan does not name are never written. The result
 * lists what had to change ("event_dest was …"), empty when the terminal already matched.
 */
final class TerminalProvisioning {
    private final TerminalClient client;
    private final TerminalPlan plan;

    TerminalProvisioning(TerminalClient client, TerminalPlan plan) {
        this.client = client;
        this.plan = plan;
    }

    Future<List<String>> apply() {
        List<String> changes = new ArrayList<>();
        return push(changes).compose(v -> functions(changes)).map(v -> List.copyOf(changes));
    }

    private Future<Void> push(List<String> changes) {
        SubscribeConfig wanted = plan.subscription();
        if (wanted == null) {
            return Future.succeededFuture();
        }
        return client.subscription().compose(current -> {
            if (pushes(current, wanted)) {
                return Future.succeededFuture();
            }
            changes.add("record push was " + describe(current));
            return client.subscribe(wanted).compose(v -> client.subscription()).compose(after -> pushes(after, wanted)
                    ? Future.succeededFuture()
                    : Future.failedFuture(new DeviceException(DeviceState.DEGRADED, "the terminal accepted the record"
                    + " push destination but reads back " + describe(after))));
        });
    }

    private Future<Void> functions(List<String> changes) {
        DeviceFunctions wanted = plan.functions();
        if (wanted == null) {
            return Future.succeededFuture();
        }
        return client.functions().compose(current -> {
            if (current.satisfies(wanted)) {
                return Future.succeededFuture();
            }
            changes.add("remote authorization was " + describe(current));
            return client.updateFunctions(wanted).compose(v -> client.functions()).compose(after -> after.satisfies(wanted)
                    ? Future.succeededFuture()
                    : Future.failedFuture(new DeviceException(DeviceState.DEGRADED, "the terminal accepted the remote"
                    + " authorization settings but reads back " + describe(after))));
        });
    }

    /** The terminal pushes to {@code wanted}: same destination, and enabled (absent means enabled). */
    private static boolean pushes(SubscribeConfig current, SubscribeConfig wanted) {
        return wanted.eventDest().equals(current.eventDest()) && !Boolean.FALSE.equals(current.enabled());
    }

    private static String describe(SubscribeConfig config) {
        return "event_dest " + Redact.url(config.eventDest()) + (Boolean.FALSE.equals(config.enabled()) ? " (disabled)" : "");
    }

    private static String describe(DeviceFunctions functions) {
        return "auth_mode " + functions.authMode() + ", remote_authentication_address "
                + Redact.url(functions.remoteAuthenticationAddress()) + ", remote_auth_timeout_to_local_auth "
                + functions.remoteAuthTimeoutToLocalAuth();
    }
}
