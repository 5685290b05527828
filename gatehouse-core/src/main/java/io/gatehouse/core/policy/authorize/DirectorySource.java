package io.gatehouse.core.policy.authorize;

import io.gatehouse.core.policy.directory.Directory;
import java.util.concurrent.CompletionStage;

/** Where the authorizer gets the directory snapshot from. */
public interface DirectorySource {
    /** The current snapshot: completed at once when one is loaded, later while the first load is under way. */
    CompletionStage<Directory> snapshot();

    /** The last loaded snapshot, or {@code null} while none has loaded; never waits. */
    Directory lastKnown();
}
