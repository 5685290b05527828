package io.gatehouse.server.api;

import io.gatehouse.core.event.EventKind;
import io.gatehouse.core.store.Channel;
import io.gatehouse.core.store.EventFilter;
import io.gatehouse.core.store.EventType;
import io.gatehouse.core.store.PageRequest;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filters and paging of {@code GET /api/events}, {@code GET /api/alarms} and the live stream, read from query
 * parameters. Pages are ordered by sequence number; a cursor is opaque to clients and carries its order and
 * position, so the next page neither repeats nor skips an event however many are stored meanwhile.
 */
public record EventQuery(EventFilter filter, PageRequest page) {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    static final List<String> FILTERS = List.of("from", "until", "device", "serial", "personId", "personName", "type",
            "kind", "channel", "passed", "late", "code", "status");
    static final List<String> ALARM_FILTERS = List.of("from", "until", "device", "serial", "personId", "late", "code",
            "status");
    static final List<String> PAGING = List.of("limit", "order", "cursor");

    enum Order { ASC, DESC }

    static EventQuery events(RoutingContext ctx) throws BadParameter {
        QueryParams params = QueryParams.of(ctx, names(FILTERS, PAGING));
        return new EventQuery(filter(params), page(params));
    }

    static EventQuery alarms(RoutingContext ctx) throws BadParameter {
        QueryParams params = QueryParams.of(ctx, names(ALARM_FILTERS, PAGING));
        return new EventQuery(filter(params).withType(EventType.ALARM), page(params));
    }

    /** The filter of a live stream, and {@code after}: the sequence number to resume after. */
    static EventFilter stream(RoutingContext ctx) throws BadParameter {
        return filter(QueryParams.of(ctx, names(FILTERS, List.of("after"))));
    }

    /**
     * A filter given as name/value pairs with the names of the events query ({@code device}, {@code kind},
     * {@code passed}...): what a forwarding target stores.
     */
    public static EventFilter filter(Map<String, String> parameters) throws BadParameter {
        MultiMap params = MultiMap.caseInsensitiveMultiMap();
        params.addAll(parameters);
        return filter(QueryParams.of(params, new HashSet<>(FILTERS)));
    }

    /** The parameter names {@link #filter(Map)} takes. */
    public static List<String> filterNames() {
        return FILTERS;
    }

    static EventFilter filter(QueryParams p) throws BadParameter {
        Instant from = p.instant("from");
        Instant until = p.instant("until");
        if (from != null && until != null && !from.isBefore(until)) {
            throw new BadParameter("until", "must be after from");
        }
        String type = p.text("type");
        EventType eventType = type == null ? null : EventType.fromLabel(type);
        if (type != null && eventType == null) {
            throw new BadParameter("type", "expected access or alarm");
        }
        return new EventFilter(from, until, p.text("device"), p.text("serial"), p.text("personId"),
                p.text("personName"), eventType, p.choice("kind", EventKind.class), p.choice("channel", Channel.class),
                p.bool("passed"), p.bool("late"), p.integer("code", 0, Integer.MAX_VALUE),
                p.integer("status", 0, Integer.MAX_VALUE));
    }

    private static PageRequest page(QueryParams p) throws BadParameter {
        Integer limit = p.integer("limit", 1, MAX_LIMIT);
        Order order = p.choice("order", Order.class);
        String cursor = p.text("cursor");
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (cursor == null) {
            return new PageRequest(order == Order.ASC ? PageRequest.Order.ASCENDING : PageRequest.Order.DESCENDING,
                    null, size);
        }
        PageRequest fromCursor = decodeCursor(cursor, size);
        if (order != null && (order == Order.ASC) != (fromCursor.order() == PageRequest.Order.ASCENDING)) {
            throw new BadParameter("order", "contradicts the cursor's order; leave order out when paging with a cursor");
        }
        return fromCursor;
    }

    static String cursor(PageRequest.Order order, long position) {
        String plain = "v1:" + (order == PageRequest.Order.ASCENDING ? "a" : "d") + ":" + position;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    private static PageRequest decodeCursor(String cursor, int limit) throws BadParameter {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw new BadParameter("cursor", "not a cursor this API returned");
        }
        String[] parts = plain.split(":", -1);
        if (parts.length != 3 || !parts[0].equals("v1") || !(parts[1].equals("a") || parts[1].equals("d"))) {
            throw new BadParameter("cursor", "not a cursor this API returned");
        }
        long position = QueryParams.seq("cursor", parts[2]);
        return new PageRequest(parts[1].equals("a") ? PageRequest.Order.ASCENDING : PageRequest.Order.DESCENDING,
                position, limit);
    }

    private static Set<String> names(List<String> a, List<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
