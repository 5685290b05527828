package io.gatehouse.core.event;

import io.gatehouse.protocol.sense.AbnormalType;
import io.gatehouse.protocol.sense.EntryMode;
import io.gatehouse.protocol.sense.VerificationMode;

/**
 * What the device decided and how the person presented themselves. Each interpreted code keeps its raw
 * value beside it, so an undocumented code is still visible. All {@code null} where the dialect has no
 * such field (SE boxes only recognise).
 *
 * @param passed       whether the device let the person pass; {@code null} when it did not say
 * @param verification the verification mode the door was set to, read with the firmware version's table
 */
public record Outcome(
        Boolean passed,
        VerificationMode verification,
        Integer rawVerification,
        EntryMode entry,
        Integer rawEntry,
        AbnormalType abnormal,
        Integer rawAbnormal) {

    public static final Outcome NONE = new Outcome(null, null, null, null, null, null, null);
}
