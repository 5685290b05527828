package io.gatehouse.server.health;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * One reason the hub may not be ready to take traffic. {@code /health/ready} asks every check; the hub is ready when
 * none reports a problem. A check completes quickly (it is asked on each probe) and says what is wrong in words an
 * operator can act on.
 */
@FunctionalInterface
public interface ReadinessCheck {
    /** @return the problems found; empty when all is well */
    CompletionStage<List<String>> problems();
}
