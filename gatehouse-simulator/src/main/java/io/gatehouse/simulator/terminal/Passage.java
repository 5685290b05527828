package io.gatehouse.simulator.terminal;

import io.gatehouse.protocol.sense.SenseRecognition;

/**
 * What happened at the door for one walk-up: who, whether the door opened, the tip shown (or {@code null}),
 * who decided, and the record the terminal wrote.
 */
public record Passage(String uuid, String personId, boolean pass, String tip, DecidedBy decidedBy,
                      SenseRecognition record) {

    /** Who decided whether the door opens. */
    public enum DecidedBy {
        /** the terminal alone ({@code auth_mode} 0, or a person remote authorization does not apply to) */
        LOCAL,
        /** the remote-authorization server, within the deadline */
        REMOTE,
        /** the terminal, because the server gave no usable answer before the deadline */
        LOCAL_AFTER_NO_ANSWER,
        /** the terminal, because the heartbeat has gone unanswered too long (fall-back to local) */
        LOCAL_FALLBACK
    }
}
