package io.gatehouse.simulator.sophon;

/** One camera (media device) behind an SE box; {@code id} is the uuid a configuration names. */
public record Camera(String id, String name) {
}
