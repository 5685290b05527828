package io.gatehouse.core.event;

/**
 * How sure the device was. {@code recognition} is on a 0..1 scale for every vendor; {@code rawRecognition} is
 * the number as sent and {@code rawScale} its scale (1 for terminals and V5 boxes, 100 for V6 boxes).
 */
public record Scores(Double recognition, Double liveness, Double rawRecognition, double rawScale) {
    public static final Scores NONE = new Scores(null, null, null, 1);

    public static Scores of(Double raw, double scale, Double liveness) {
        return new Scores(raw == null ? null : raw / scale, liveness, raw, scale);
    }
}
