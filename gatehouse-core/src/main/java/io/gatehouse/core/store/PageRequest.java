package io.gatehouse.core.store;

/**
 * Which page of a query: events strictly after (ascending) or before (descending) a position in the store,
 * at most {@code limit} of them. Positions are sequence numbers, so a page never shifts when events are
 * added meanwhile: new events always get higher numbers.
 *
 * @param position the sequence number to continue from, exclusive; {@code null} starts at the oldest
 *                 (ascending) or the newest (descending) event
 */
public record PageRequest(Order order, Long position, int limit) {

    public enum Order { ASCENDING, DESCENDING }

    public PageRequest {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one event");
        }
    }

    public static PageRequest newest(int limit) {
        return new PageRequest(Order.DESCENDING, null, limit);
    }

    /** The events committed after {@code seq}, oldest first: how a live stream catches up. */
    public static PageRequest after(long seq, int limit) {
        return new PageRequest(Order.ASCENDING, seq, limit);
    }
}
