package io.gatehouse.server.device;

/**
 * Told when the registry's devices change, after the change is committed: the connectors follow it (start one for
 * a new device, restart it when its spec changed, stop it when the device is removed). Called on the registry's
 * writer thread; implementations hand slow work elsewhere.
 */
public interface RegistryListener {
    void added(Device device, DeviceStatus status);

    void changed(Device before, Device after, DeviceStatus status);

    void removed(Device device, DeviceStatus status);
}
