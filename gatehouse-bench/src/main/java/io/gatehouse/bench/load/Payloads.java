package io.gatehouse.bench.load;

import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.sense.RemoteAuthRequest;
import io.gatehouse.protocol.sense.SenseGroup;
import io.gatehouse.protocol.sense.SenseRecognition;
import io.gatehouse.protocol.sense.SenseUser;
import io.gatehouse.protocol.sense.SenseVersion;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Realistic device bodies for the load driver, written by the protocol library's own writers: a v1.3.0
 * recognition push with a ~30 KB JPEG snapshot, a CJK name and groups, and a remote-authorization request.
 * Bodies are built once; each push gets a fresh {@code uuid} patched into a copy, so the hub stores every
 * one instead of recognising duplicates, at almost no cost to the client's CPU (which the server shares).
 */
final class Payloads {
    private static final String UUID_PLACEHOLDER = "00000000-0000-0000-0000-000000000000";
    private static final String[] NAMES = {"王五", "张三", "李四", "赵六", "Ana Souza", "陈静", "Jean Dupont", "刘洋"};

    private final byte[] pushTemplate;
    private final int uuidOffset;
    private final byte[][] authBodies;

    Payloads(String deviceSerial, int imageBytes) {
        String image = Base64.getEncoder().encodeToString(SyntheticJpeg.ofAtLeast(imageBytes));
        ProtocolCodec codec = ProtocolCodec.standard();
        this.pushTemplate = codec.encode(recognition(deviceSerial, image));
        this.uuidOffset = indexOf(pushTemplate, UUID_PLACEHOLDER.getBytes(StandardCharsets.US_ASCII));
        this.authBodies = new byte[NAMES.length][];
        for (int i = 0; i < NAMES.length; i++) {
            authBodies[i] = codec.encode(authRequest(deviceSerial, image, i));
        }
    }

    /** A push body with a unique uuid. */
    byte[] push() {
        byte[] body = pushTemplate.clone();
        byte[] uuid = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(uuid, 0, body, uuidOffset, uuid.length);
        return body;
    }

    /** A remote-authorization request for the {@code i}-th person of the small roster. */
    byte[] authRequest(long i) {
        return authBodies[(int) (i % authBodies.length)];
    }

    int pushSize() {
        return pushTemplate.length;
    }

    private static SenseUser user(int i) {
        return new SenseUser(NAMES[i % NAMES.length], "emp-" + (1000 + i), 1, "1000" + i, "J" + i, "", 0L, 0L, "",
                "", List.of(new SenseGroup("3", "研发"), new SenseGroup("4", "一楼")), Map.of());
    }

    private static SenseRecognition recognition(String serial, String image) {
        return new SenseRecognition(SenseVersion.V1_3_0, serial, null, null, 1, UUID_PLACEHOLDER, 0.9302, null, 1, 0,
                1, 0, image, true, System.currentTimeMillis() / 1000, 36.4, user(0), Map.of());
    }

    private static RemoteAuthRequest authRequest(String serial, String image, int i) {
        return new RemoteAuthRequest(SenseVersion.V1_3_0, serial, 2, 0.93, 1, 1, image, 36.5,
                System.currentTimeMillis() / 1000, "", user(i), Map.of());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("uuid placeholder not found in the push template");
    }
}
