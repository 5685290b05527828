package io.gatehouse.server.access.decisions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.policy.DecisionInput;
import io.gatehouse.protocol.json.FieldWriter;

/** The JSON of what a terminal asked, as the decision log stores and serves it. */
final class DecisionJson {
    private DecisionJson() {
    }

    static ObjectNode input(DecisionInput in) {
        return FieldWriter.object()
                .put("deviceSerial", in.deviceSerial())
                .put("cameraId", in.cameraId())
                .put("requestTime", in.requestTime() == null ? null : in.requestTime().toString())
                .put("personId", in.personId())
                .put("personName", in.personName())
                .put("personType", in.personType() == null ? null : in.personType().name())
                .putStrings("groups", in.groups().isEmpty() ? null : in.groups())
                .put("validFrom", in.window() == null || in.window().from() == null ? null : in.window().from().toString())
                .put("validUntil", in.window() == null || in.window().until() == null ? null : in.window().until().toString())
                .put("score", in.score())
                .put("bodyTemperature", in.bodyTemperature())
                .put("mask", in.mask() == null ? null : in.mask().name())
                .put("entryMode", in.entryMode())
                .build();
    }

}
