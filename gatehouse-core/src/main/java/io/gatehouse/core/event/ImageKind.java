package io.gatehouse.core.event;

/** What an event's image shows. */
public enum ImageKind {
    /** The face as captured at the door (terminal {@code rgb_image}, box {@code recognize_face}). */
    FACE_SNAPSHOT,
    /** The photo the person was registered with (box {@code reg_pic} / {@code register_image}). */
    REGISTERED_PHOTO,
    /** The whole scene (box {@code spot_pic}). */
    SCENE,
    /** A photo attached to a device alarm. */
    ALARM_PHOTO
}
