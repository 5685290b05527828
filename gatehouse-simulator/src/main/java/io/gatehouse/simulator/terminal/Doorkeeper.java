package io.gatehouse.simulator.terminal;

import io.gatehouse.protocol.sense.AuthMode;
import io.gatehouse.protocol.sense.RemoteAuthAnswer;
import io.gatehouse.protocol.sense.SenseUser;
import io.gatehouse.protocol.sense.VerifyCode;
import io.vertx.core.Future;

/**
 * Decides whether the door opens for a walk-up, as the terminal's {@code auth_mode} says: locally, or by asking
 * the remote-authorization server (auth_mode 1: library people who passed local verification, except face and
 * PIN; auth_mode 3: strangers), falling back to the local decision when the server does not answer in time or
 * the heartbeat has gone unanswered too long.
 */
final class Doorkeeper {
    /** The verdict: pass or not, the tip to show, who decided, and whom a server identified (auth_mode 3). */
    record Decision(boolean pass, String tip, Passage.DecidedBy by, SenseUser identified) {
        static Decision local(Walkup walkup, Passage.DecidedBy by) {
            return new Decision(Recognitions.localPass(walkup), null, by, null);
        }
    }

    private final RemoteAuthorizer authorizer;
    private final Recognitions recognitions;

    Doorkeeper(RemoteAuthorizer authorizer, Recognitions recognitions) {
        this.authorizer = authorizer;
        this.recognitions = recognitions;
    }

    Future<Decision> decide(Walkup walkup, boolean withImage) {
        AuthMode mode = authorizer.mode();
        boolean remote = (mode == AuthMode.REMOTE_DOOR_OPENING && Recognitions.localPass(walkup)
                && walkup.credential().remoteVerifiable())
                || (mode == AuthMode.SERVER_IDENTIFICATION && walkup.stranger());
        if (!remote || !authorizer.configured()) {
            return Future.succeededFuture(Decision.local(walkup, Passage.DecidedBy.LOCAL));
        }
        if (!authorizer.asking()) {
            return Future.succeededFuture(Decision.local(walkup, Passage.DecidedBy.LOCAL_FALLBACK));
        }
        return authorizer.ask(recognitions.authRequest(walkup, withImage))
                .map(answer -> remoteDecision(walkup, answer))
                .otherwise(Decision.local(walkup, Passage.DecidedBy.LOCAL_AFTER_NO_ANSWER));
    }

    private Decision remoteDecision(Walkup walkup, RemoteAuthAnswer answer) {
        boolean identifies = walkup.stranger() && answer.pass() && answer.verifyCodeKnown() == VerifyCode.RECOGNIZED
                && answer.userId() != null;
        SenseUser identified = identifies ? recognitions.identified(answer.userId(), answer.userName()) : null;
        return new Decision(answer.pass(), answer.customTips(), Passage.DecidedBy.REMOTE, identified);
    }
}
