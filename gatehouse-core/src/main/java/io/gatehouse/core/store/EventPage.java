package io.gatehouse.core.store;

import java.util.List;

/**
 * One page of a query.
 *
 * @param events  the matching events in the requested order
 * @param more    whether further matching events existed when the page was read
 * @param resume  the position to continue from (pass it back as {@link PageRequest#position()}); for an
 *                ascending page that reached the end, the newest event the store held then, so that polling
 *                from it returns only what was committed later; {@code null} when a descending query is done
 */
public record EventPage(List<StoredEvent> events, boolean more, Long resume) {
    public EventPage {
        events = List.copyOf(events);
    }
}
