package io.gatehouse.bench.load;

import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.sense.RemoteAuthRequest;
import io.gatehouse.protocol.sense.SenseGroup;
import io.gatehouse.protocol.sense.SenseRecognition;
import io.gatehouse.protocol.sense.SenseUser;
import io.gatehouse.protocol.sense.SenseVersion;
import io.gatehouse.simulator.device.FaceImages;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Realistic device bodies for the load driver, written by the protocol library's own writers: a v1.3.0
 * recognition push with a ~30 KB JPEG snapshot, a CJK name and groups, and a remote-authorization request with
 * the same kind of snapshot.
 *
 * <p>Every body is a different walk-up, as at a real door: a push gets a fresh {@code uuid}, a request the
 * person and second it is about, and both a snapshot of their own (a fresh UUID in the JPEG's comment segment),
 * so the hub stores a new event and a new image each time instead of recognising a duplicate. Bodies
 * are built once and each is patched into a copy, at almost no cost to the client's CPU (which the server shares).
 */
final class Payloads {
    /** People the load directory holds ({@link LoadDirectory}); requests also name a few it does not know. */
    static final int PEOPLE = 10_000;
    static final int UNKNOWN_PEOPLE = 500;
    private static final String[] NAMES = {"王五", "张三", "李四", "赵六", "Ana Souza", "陈静", "Jean Dupont", "刘洋"};
    private static final String UUID_PLACEHOLDER = "00000000-0000-0000-0000-000000000000";
    private static final String PERSON_PLACEHOLDER = "p#####";
    /** A JPEG comment segment right after the start marker: its 36 bytes start at offset 6, a multiple of 3. */
    private static final int COMMENT_OFFSET = 6;
    private static final int COMMENT_BYTES = 36;
    private static final long TIMESTAMP_PLACEHOLDER = 1_000_000_000L;

    /** One body with the offsets of the parts each copy changes ({@code -1}: not in this body). */
    private record Template(byte[] body, int uuidAt, int commentAt, int personAt, int timestampAt) {
        byte[] copy(String uuid) {
            byte[] copy = body.clone();
            byte[] ascii = uuid.getBytes(StandardCharsets.US_ASCII);
            if (uuidAt >= 0) {
                System.arraycopy(ascii, 0, copy, uuidAt, ascii.length);
            }
            byte[] comment = Base64.getEncoder().encode(ascii);
            System.arraycopy(comment, 0, copy, commentAt, comment.length);
            return copy;
        }
    }

    private final Template push;
    private final Template[] requests;

    Payloads(String deviceSerial, int imageBytes) {
        String image = Base64.getEncoder().encodeToString(
                FaceImages.withComment(SyntheticJpeg.ofAtLeast(imageBytes), new byte[COMMENT_BYTES]));
        ProtocolCodec codec = ProtocolCodec.standard();
        this.push = template(codec.encode(recognition(deviceSerial, image)), image, true, false);
        this.requests = new Template[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            requests[i] = template(codec.encode(authRequest(deviceSerial, image, NAMES[i])), image, false, true);
        }
    }

    /** The directory's id of person {@code k}; ids from {@link #PEOPLE} on are not in the directory. */
    static String personId(int k) {
        return String.format("p%05d", k);
    }

    static String personName(int k) {
        return NAMES[k % NAMES.length];
    }

    /** A push body: a new record with a new snapshot. */
    byte[] push() {
        return push.copy(UUID.randomUUID().toString());
    }

    /** The {@code i}-th remote-authorization request: person {@code i} of the roster (and beyond), now. */
    byte[] authRequest(long i) {
        int person = (int) (i % (PEOPLE + UNKNOWN_PEOPLE));
        Template template = requests[person % NAMES.length];
        byte[] body = template.copy(UUID.randomUUID().toString());
        byte[] id = personId(person).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(id, 0, body, template.personAt(), id.length);
        byte[] seconds = Long.toString(System.currentTimeMillis() / 1000).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(seconds, 0, body, template.timestampAt(), seconds.length);
        return body;
    }

    int pushSize() {
        return push.body().length;
    }

    private static Template template(byte[] body, String image, boolean push, boolean request) {
        int imageAt = indexOf(body, "\"" + image.substring(0, 200));
        return new Template(body,
                push ? indexOf(body, "\"" + UUID_PLACEHOLDER + "\"") + 1 : -1,
                imageAt + 1 + COMMENT_OFFSET / 3 * 4,
                request ? indexOf(body, "\"" + PERSON_PLACEHOLDER + "\"") + 1 : -1,
                request ? indexOf(body, "\"timestamp\":" + TIMESTAMP_PLACEHOLDER) + "\"timestamp\":".length() : -1);
    }

    private static SenseUser user(String name, String id) {
        return new SenseUser(name, id, 1, "", "", "", 0L, 0L, "", "",
                List.of(new SenseGroup("3", "研发"), new SenseGroup("4", "一楼")), Map.of());
    }

    private static SenseRecognition recognition(String serial, String image) {
        return new SenseRecognition(SenseVersion.V1_3_0, serial, null, null, 1, UUID_PLACEHOLDER, 0.9302, null, 1, 0,
                1, 0, image, true, System.currentTimeMillis() / 1000, 36.4, user(NAMES[0], "emp-1000"), Map.of());
    }

    private static RemoteAuthRequest authRequest(String serial, String image, String name) {
        return new RemoteAuthRequest(SenseVersion.V1_3_0, serial, 2, 0.93, 1, 1, image, 36.5, TIMESTAMP_PLACEHOLDER,
                "", user(name, PERSON_PLACEHOLDER), Map.of());
    }

    private static int indexOf(byte[] haystack, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("'" + text.substring(0, Math.min(40, text.length()))
                + "' not found in the body template");
    }
}
