package io.gatehouse.core.policy;

import io.gatehouse.core.event.AccessEvent;
import io.gatehouse.core.event.Group;
import io.gatehouse.core.event.PersonType;
import io.gatehouse.core.event.ValidityWindow;
import io.gatehouse.protocol.sense.MaskState;
import java.time.Instant;
import java.util.List;

/**
 * What the terminal asked, as the decision record keeps it: enough to explain the decision and to link it
 * later to the passage record the terminal pushes (same device, same person, request time within a tolerance).
 * The face image is not kept here; it stays with the event.
 *
 * @param requestTime the terminal's own timestamp of the request
 * @param groups      the groups the terminal sent, as {@code id} (or {@code name} when it sent no id)
 * @param entryMode   the terminal's raw {@code entry_mode}; {@code null} before v1.3.0
 */
public record DecisionInput(String deviceSerial, String cameraId, Instant requestTime, String personId,
                            String personName, PersonType personType, List<String> groups, ValidityWindow window,
                            Double score, Double bodyTemperature, MaskState mask, Integer entryMode) {
    public DecisionInput {
        groups = List.copyOf(groups);
    }

    public static DecisionInput of(AccessEvent request) {
        return new DecisionInput(
                request.source().deviceSerial(),
                request.source().cameraId(),
                request.occurredAt(),
                request.person().id(),
                request.person().name(),
                request.person().type(),
                request.person().groups().stream().map(DecisionInput::groupKey).toList(),
                request.person().visitorWindow(),
                request.scores().recognition(),
                request.bodyTemperature(),
                request.mask(),
                request.outcome().rawEntry());
    }

    private static String groupKey(Group group) {
        return group.id() != null ? group.id() : String.valueOf(group.name());
    }
}
