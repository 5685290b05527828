package io.gatehouse.core.policy.directory;

import java.time.ZoneId;
import java.util.List;

/**
 * A place people pass: a terminal (by its serial) or one camera of an SE box (the box's id and the camera's
 * media device id). Its time zone and settings fall back to its site's.
 *
 * @param cameraId the SE box camera; {@code null} for a terminal
 * @param zone     {@code null} to use the site's zone
 */
public record Door(String id, String name, String siteId, String deviceSerial, String cameraId, ZoneId zone,
                   DoorSettings settings) implements DirectoryEntry {
    public Door {
        settings = settings == null ? DoorSettings.NONE : settings;
    }

    /** The key a request finds its door by. */
    public String deviceKey() {
        return deviceKey(deviceSerial, cameraId);
    }

    public static String deviceKey(String deviceSerial, String cameraId) {
        return deviceSerial + "\u0000" + (cameraId == null ? "" : cameraId);
    }

    @Override
    public List<Reference> references() {
        return List.of(new Reference("siteId", Site.class, siteId));
    }
}
