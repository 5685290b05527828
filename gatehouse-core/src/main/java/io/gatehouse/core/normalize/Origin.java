package io.gatehouse.core.normalize;

/**
 * What the channel knows about the sender that the payload may not say: alarms and SE-box events carry no
 * device serial, but the hub knows which device's URL or connection they came in on.
 *
 * @param deviceSerial the registered device's serial or id; {@code null} when unknown (the inspect command)
 * @param address      the device's network address, when known
 */
public record Origin(String deviceSerial, String address) {
    public static final Origin UNKNOWN = new Origin(null, null);
}
