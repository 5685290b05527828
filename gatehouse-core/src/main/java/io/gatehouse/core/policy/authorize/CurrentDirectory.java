package io.gatehouse.core.policy.authorize;

import io.gatehouse.core.policy.directory.Directory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The directory snapshot decisions read, swapped whole on every change. Before the first {@link #publish} (the
 * hub is still loading the directory from its database) a decision waits for it, within its budget.
 */
public final class CurrentDirectory implements DirectorySource {
    private final AtomicReference<Directory> current = new AtomicReference<>();
    private final CompletableFuture<Directory> firstLoad = new CompletableFuture<>();

    /** Makes {@code directory} the one the next decision reads. */
    public void publish(Directory directory) {
        current.set(directory);
        firstLoad.complete(directory);
    }

    @Override
    public CompletionStage<Directory> snapshot() {
        Directory loaded = current.get();
        return loaded != null ? CompletableFuture.completedFuture(loaded) : firstLoad.copy();
    }

    @Override
    public Directory lastKnown() {
        return current.get();
    }
}
