package io.gatehouse.core.policy.directory;

/**
 * Thresholds and behaviour of a door. A door's settings fall back to its site's, and those to
 * {@link #DEFAULTS}, field by field: a {@code null} field means "as the level above".
 *
 * @param minScore       lowest accepted recognition score, 0..1; {@code null} trusts the terminal's own threshold
 * @param maxTemperature highest accepted body temperature in °C; {@code null} does not check
 * @param maskRequired   refuse people without a detected mask
 * @param failMode       the answer when no decision can be made in time
 * @param language       the language of the screen tips, a key of the tip catalog ({@code en}, {@code zh})
 */
public record DoorSettings(Double minScore, Double maxTemperature, Boolean maskRequired, FailMode failMode,
                           String language) {
    public static final DoorSettings NONE = new DoorSettings(null, null, null, null, null);
    public static final DoorSettings DEFAULTS = new DoorSettings(null, null, false, FailMode.FAIL_SECURE, "en");

    /** These settings, with each absent field taken from {@code fallback}. */
    public DoorSettings over(DoorSettings fallback) {
        return new DoorSettings(
                minScore != null ? minScore : fallback.minScore,
                maxTemperature != null ? maxTemperature : fallback.maxTemperature,
                maskRequired != null ? maskRequired : fallback.maskRequired,
                failMode != null ? failMode : fallback.failMode,
                language != null ? language : fallback.language);
    }
}
