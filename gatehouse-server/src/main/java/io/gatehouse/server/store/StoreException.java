package io.gatehouse.server.store;

/** The store could not keep an event (I/O error, full disk, closed store); the sender should retry later. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
