package io.gatehouse.protocol.sophon;

/** A recognition the box streams on port 5679, in the shape of its document version. */
public sealed interface SophonEvent extends SophonMessage permits SophonEventV5, SophonEventV6 {
    /** The camera (media device) that saw the face. */
    String cameraId();

    /** Unix milliseconds. */
    long timestamp();
}
