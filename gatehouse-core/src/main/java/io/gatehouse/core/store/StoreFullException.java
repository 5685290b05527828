package io.gatehouse.core.store;

/**
 * The store's queue is full: it takes no more events until the writer catches up. A receiver answers the
 * device with a retryable error (HTTP 503), so the device keeps the event in its cache and sends it later.
 */
public final class StoreFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreFullException(String message) {
        super(message, null, false, false);
    }
}
