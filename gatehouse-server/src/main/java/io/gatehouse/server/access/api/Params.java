package io.gatehouse.server.access.api;

import io.gatehouse.server.api.ApiRefusal;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Query parameters of the access API, each refused with its name and the expected form. */
final class Params {
    private Params() {
    }

    static int whole(RoutingContext ctx, String name, int min, int max, int otherwise) {
        String value = ctx.request().getParam(name);
        if (value == null) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ApiRefusal(400, name, "expected a whole number from " + min + " to " + max);
    }

    static boolean bool(RoutingContext ctx, String name, boolean otherwise) {
        return Boolean.parseBoolean(oneOf(ctx, name, List.of("true", "false"), String.valueOf(otherwise)));
    }

    static String oneOf(RoutingContext ctx, String name, List<String> allowed, String otherwise) {
        String value = ctx.request().getParam(name);
        if (value == null) {
            return otherwise;
        }
        if (!allowed.contains(value)) {
            throw new ApiRefusal(400, name, "expected one of " + allowed);
        }
        return value;
    }
}
