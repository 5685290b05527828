package io.gatehouse.core.event;

/** A group the person belongs to on the device. */
public record Group(String id, String name) {
}
