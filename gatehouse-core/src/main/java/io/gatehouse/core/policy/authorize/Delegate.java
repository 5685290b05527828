package io.gatehouse.core.policy.authorize;

import io.gatehouse.core.event.AccessEvent;
import io.gatehouse.core.policy.directory.Door;
import java.util.concurrent.CompletionStage;

/** A customer's own service that decides instead of the local policy while it answers. */
public interface Delegate {
    /**
     * Asks the service. The stage fails when it cannot answer in its own time limit, answers nonsense, or its
     * circuit is open; the authorizer then uses the local policy.
     *
     * @param door the directory's door, or {@code null} when the device is not a known door
     */
    CompletionStage<DelegateAnswer> ask(AccessEvent request, Door door);
}
