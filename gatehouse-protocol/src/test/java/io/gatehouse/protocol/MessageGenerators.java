package io.gatehouse.protocol;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.sense.DeviceFunctions;
import io.gatehouse.protocol.sense.DoorCommand;
import io.gatehouse.protocol.sense.LoginAnswer;
import io.gatehouse.protocol.sense.LoginRequest;
import io.gatehouse.protocol.sense.PushAnswer;
import io.gatehouse.protocol.sense.RecordsPage;
import io.gatehouse.protocol.sense.RecordsQuery;
import io.gatehouse.protocol.sense.RemoteAuthAnswer;
import io.gatehouse.protocol.sense.RemoteAuthRequest;
import io.gatehouse.protocol.sense.SenseAlarm;
import io.gatehouse.protocol.sense.SenseEnvelope;
import io.gatehouse.protocol.sense.SenseGroup;
import io.gatehouse.protocol.sense.SenseRecognition;
import io.gatehouse.protocol.sense.SenseUnknownEvent;
import io.gatehouse.protocol.sense.SenseUser;
import io.gatehouse.protocol.sense.SenseVersion;
import io.gatehouse.protocol.sense.SubscribeConfig;
import io.gatehouse.protocol.sophon.SophonConfig;
import io.gatehouse.protocol.sophon.SophonDeviceList;
import io.gatehouse.protocol.sophon.SophonEventV5;
import io.gatehouse.protocol.sophon.SophonEventV6;
import io.gatehouse.protocol.sophon.SophonExtData;
import io.gatehouse.protocol.sophon.SophonVersion;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators for every message of every family and version, as a device or the hub would
 * write them: a version's fields only, identities that tell the version, CJK names, numeric strings with
 * leading zeros, empty users, unknown fields (named {@code x_...}, so they never collide with documented ones).
 */
public final class MessageGenerators {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MessageGenerators() {
    }

    // ---- building blocks

    static <T> Gen<T> orNull(Gen<T> gen) {
        return gen.toOptionals(30).map(o -> o.orElse(null));
    }

    /** Latin, CJK (名字), emoji beyond the BMP, digits with leading zeros, blank, empty. */
    public static Gen<String> text() {
        return Generate.oneOf(
                strings().basicLatinAlphabet().ofLengthBetween(0, 12),
                strings().betweenCodePoints(0x4E00, 0x9FFF).ofLengthBetween(1, 6),
                strings().betweenCodePoints(0x1F600, 0x1F64F).ofLengthBetween(1, 3),
                strings().numericBetween(0, 99_999).map(n -> "00" + n),
                Generate.pick(List.of("", " ", "小明", "王五", "测试1", "O'Brien \"Q\"")));
    }

    static Gen<String> digits() {
        return Generate.oneOf(longs().between(0, 999_999_999_999L).map((Long n) -> Long.toString(n)),
                longs().between(-99, -1).map((Long n) -> Long.toString(n)));
    }

    static Gen<Double> score() {
        return Generate.oneOf(doubles().between(0, 1), doubles().between(0, 100), Generate.constant(0.0));
    }

    static Gen<Integer> code() {
        return Generate.oneOf(integers().between(0, 12), integers().between(10_000, 80_000), integers().all());
    }

    static Gen<Long> seconds() {
        return longs().between(0, 99_999_999_999L);
    }

    static Gen<Long> millis() {
        return longs().between(0, 9_999_999_999_999L);
    }

    static Gen<String> base64Image() {
        return Generate.oneOf(
                integers().between(0, 64).map(n -> {
                    byte[] bytes = new byte[n];
                    for (int i = 0; i < n; i++) {
                        bytes[i] = (byte) (i * 31 + n);
                    }
                    return Base64.getEncoder().encodeToString(bytes);
                }),
                Generate.pick(List.of("", " ", "/9j/4AAQSkZJRgABAQ==")));
    }

    /** Unknown fields a newer firmware might add. */
    static Gen<Map<String, JsonNode>> extra() {
        Gen<JsonNode> value = Generate.oneOf(text().map(t -> (JsonNode) NODES.textNode(t)),
                integers().all().map(i -> (JsonNode) NODES.numberNode(i)), Generate.constant(NODES.objectNode()));
        Gen<Map.Entry<String, JsonNode>> entry = strings().basicLatinAlphabet().ofLengthBetween(1, 8)
                .zip(value, (name, v) -> Map.entry("x_" + name, v));
        return lists().of(entry).ofSizeBetween(0, 2).map(entries -> {
            Map<String, JsonNode> map = new LinkedHashMap<>();
            entries.forEach(e -> map.put(e.getKey(), e.getValue()));
            return map;
        });
    }

    static Gen<ObjectNode> freeObject() {
        return extra().map(map -> {
            ObjectNode node = NODES.objectNode();
            map.forEach(node::set);
            return node;
        });
    }

    // ---- terminal

    static Gen<SenseGroup> group() {
        return in -> new SenseGroup(orNull(text()).generate(in), orNull(text()).generate(in));
    }

    /**
     * A user as {@code version} writes it; {@code numericId} forces a user id of digits (a remote-auth
     * request before v1.2.1 tells its version by the number), and one in five is the stranger's empty user.
     */
    public static Gen<SenseUser> user(SenseVersion version, boolean numericId) {
        Gen<SenseUser> person = in -> {
            boolean v110 = version.atLeast(SenseVersion.V1_1_0);
            boolean v121 = version.atLeast(SenseVersion.V1_2_1);
            return new SenseUser(
                    orNull(text()).generate(in),
                    numericId && !v121 ? digits().generate(in) : orNull(Generate.oneOf(text(), digits())).generate(in),
                    orNull(code()).generate(in),
                    orNull(text()).generate(in),
                    orNull(text()).generate(in),
                    v121 ? orNull(text()).generate(in) : null,
                    v110 ? orNull(millis()).generate(in) : null,
                    v110 ? orNull(millis()).generate(in) : null,
                    v121 ? orNull(text()).generate(in) : null,
                    version.atLeast(SenseVersion.V1_3_0) ? orNull(text()).generate(in) : null,
                    v121 ? orNull(lists().of(group()).ofSizeBetween(0, 3)).generate(in) : null,
                    extra().generate(in));
        };
        return Generate.frequency(org.quicktheories.api.Pair.of(4, person),
                org.quicktheories.api.Pair.of(1, Generate.constant(SenseUser.STRANGER)));
    }

    /** A recognition record of {@code version}, carrying the field that tells that version. */
    public static Gen<SenseRecognition> recognition(SenseVersion version) {
        return in -> {
            boolean v110 = version.atLeast(SenseVersion.V1_1_0);
            boolean v130 = version.atLeast(SenseVersion.V1_3_0);
            return new SenseRecognition(
                    version,
                    version == SenseVersion.V0_0_1 ? null : text().generate(in),
                    version == SenseVersion.V0_0_1 ? integers().between(0, 1 << 20).generate(in) : null,
                    v110 ? null : orNull(code()).generate(in),
                    v110 ? code().generate(in) : null,
                    version.atLeast(SenseVersion.V1_2_1) ? text().generate(in) : null,
                    orNull(score()).generate(in),
                    v110 ? null : orNull(score()).generate(in),
                    orNull(code()).generate(in),
                    orNull(code()).generate(in),
                    v130 ? code().generate(in) : null,
                    v130 ? orNull(code()).generate(in) : null,
                    orNull(base64Image()).generate(in),
                    orNull(booleans().all()).generate(in),
                    seconds().generate(in),
                    v110 ? orNull(doubles().between(0, 45)).generate(in) : null,
                    orNull(user(version, false)).generate(in),
                    extra().generate(in));
        };
    }

    public static Gen<SenseRecognition> recognition() {
        return Generate.enumValues(SenseVersion.class).flatMap(MessageGenerators::recognition);
    }

    public static Gen<SenseAlarm> alarm() {
        return in -> new SenseAlarm(text().generate(in), orNull(text()).generate(in), code().generate(in),
                orNull(text()).generate(in), millis().generate(in), code().generate(in),
                orNull(base64Image()).generate(in), extra().generate(in));
    }

    public static Gen<SenseUnknownEvent> unknownEvent() {
        return integers().between(2, 1000).zip(freeObject(), SenseUnknownEvent::new);
    }

    public static Gen<RemoteAuthRequest> remoteAuthRequest() {
        Gen<SenseVersion> versions = Generate.pick(List.of(SenseVersion.V1_1_0, SenseVersion.V1_2_1, SenseVersion.V1_3_0));
        return versions.flatMap(version -> in -> {
            boolean v130 = version.atLeast(SenseVersion.V1_3_0);
            SenseUser user = version == SenseVersion.V1_2_1
                    ? new SenseUser(null, text().generate(in), null, null, null, null, null, null, null, null, List.of(), Map.of())
                    : orNull(user(version, true)).generate(in);
            return new RemoteAuthRequest(version, text().generate(in), orNull(code()).generate(in),
                    orNull(score()).generate(in), v130 ? code().generate(in) : null, orNull(code()).generate(in),
                    orNull(base64Image()).generate(in), orNull(doubles().between(0, 45)).generate(in),
                    seconds().generate(in), orNull(text()).generate(in), user, extra().generate(in));
        });
    }

    public static Gen<RemoteAuthAnswer> remoteAuthAnswer() {
        // a bare {pass} answer with msg "success" is indistinguishable from a push answer; the hub knows the channel
        Gen<String> msg = Generate.oneOf(Generate.pick(List.of("OK", "fail", "拒绝")), strings().basicLatinAlphabet().ofLengthBetween(8, 10));
        return in -> new RemoteAuthAnswer(code().generate(in), msg.generate(in), booleans().all().generate(in),
                orNull(text()).generate(in), orNull(text()).generate(in), orNull(text()).generate(in),
                orNull(text()).generate(in), orNull(score()).generate(in), orNull(code()).generate(in));
    }

    public static Gen<PushAnswer> pushAnswer() {
        return in -> new PushAnswer(code().generate(in), orNull(text()).generate(in), booleans().all().generate(in),
                orNull(text()).generate(in));
    }

    public static Gen<SubscribeConfig> subscribeConfig() {
        return text().zip(orNull(booleans().all()), SubscribeConfig::new);
    }

    public static Gen<DeviceFunctions> deviceFunctions() {
        return in -> new DeviceFunctions(orNull(code()).generate(in), orNull(code()).generate(in),
                orNull(booleans().all()).generate(in), orNull(code()).generate(in), orNull(code()).generate(in),
                orNull(booleans().all()).generate(in), orNull(booleans().all()).generate(in),
                orNull(booleans().all()).generate(in), code().generate(in), orNull(text()).generate(in),
                orNull(code()).generate(in), extra().generate(in));
    }

    public static Gen<RecordsQuery> recordsQuery() {
        return in -> new RecordsQuery(orNull(seconds()).generate(in), orNull(seconds()).generate(in),
                orNull(digits()).generate(in), orNull(text()).generate(in), orNull(text()).generate(in),
                orNull(code()).generate(in), code().generate(in), orNull(code()).generate(in));
    }

    public static Gen<RecordsPage> recordsPage() {
        return in -> {
            List<SenseRecognition> items = lists().of(recognition()).ofSizeBetween(0, 3).generate(in);
            return new RecordsPage(code().generate(in), orNull(text()).generate(in), code().generate(in),
                    code().generate(in), code().generate(in), code().generate(in), items);
        };
    }

    public static Gen<LoginRequest> loginRequest() {
        return text().zip(text(), orNull(code()), LoginRequest::new);
    }

    public static Gen<LoginAnswer> loginAnswer() {
        return code().zip(orNull(text()), text(), LoginAnswer::new);
    }

    public static Gen<DoorCommand> doorCommand() {
        return code().zip(orNull(digits()), DoorCommand::new);
    }

    public static Gen<SenseEnvelope> envelope() {
        Gen<JsonNode> data = Generate.oneOf(Generate.constant(NullNode.instance), freeObject().map(o -> (JsonNode) o));
        return code().zip(orNull(text()), data, SenseEnvelope::new);
    }

    // ---- SE box

    public static Gen<SophonConfig> sophonConfig() {
        return in -> new SophonConfig(Generate.enumValues(SophonVersion.class).generate(in),
                orNull(booleans().all()).generate(in), orNull(booleans().all()).generate(in),
                lists().of(text()).ofSizeBetween(0, 4).generate(in), extra().generate(in));
    }

    static Gen<SophonExtData> extData() {
        return in -> new SophonExtData(orNull(text()).generate(in), orNull(base64Image()).generate(in),
                orNull(base64Image()).generate(in), orNull(code()).generate(in),
                orNull(Generate.pick(List.of("0", "1", "3", "4", "9"))).generate(in), extra().generate(in));
    }

    public static Gen<SophonEventV5> sophonEventV5() {
        return in -> new SophonEventV5(orNull(text()).generate(in), text().generate(in),
                orNull(freeObject().map(o -> (JsonNode) o)).generate(in), orNull(text()).generate(in),
                orNull(text()).generate(in), orNull(base64Image()).generate(in), millis().generate(in),
                score().generate(in), orNull(extData()).generate(in), orNull(text()).generate(in),
                orNull(text()).generate(in), extra().generate(in));
    }

    public static Gen<SophonEventV6> sophonEventV6() {
        Gen<String> dataUri = base64Image().map(b -> "data:image/jpeg;base64," + b);
        Gen<String> userType = Generate.pick(List.of("employee", "visitor", "blacklist", "stranger", "vip", "cleaner"));
        return in -> new SophonEventV6(orNull(text()).generate(in), millis().generate(in), orNull(text()).generate(in),
                orNull(text()).generate(in), orNull(userType).generate(in), score().generate(in),
                orNull(text()).generate(in), text().generate(in), orNull(Generate.pick(List.of("photo", "rtsp", "file"))).generate(in),
                orNull(dataUri).generate(in), orNull(dataUri).generate(in),
                orNull(freeObject().map(o -> (JsonNode) o)).generate(in), extra().generate(in));
    }

    public static Gen<SophonDeviceList> sophonDeviceList() {
        Gen<SophonDeviceList.MediaDevice> device = in -> new SophonDeviceList.MediaDevice(text().generate(in),
                orNull(text()).generate(in), extra().generate(in));
        return lists().of(device).ofSizeBetween(0, 4).map(SophonDeviceList::new);
    }

    /** Every message type, for properties that hold for all of them. */
    public static Gen<DeviceMessage> anyMessage() {
        List<Gen<? extends DeviceMessage>> all = List.of(recognition(), alarm(), unknownEvent(), remoteAuthRequest(),
                remoteAuthAnswer(), pushAnswer(), subscribeConfig(), deviceFunctions(), recordsQuery(), recordsPage(),
                loginRequest(), loginAnswer(), doorCommand(), envelope(), sophonConfig(), sophonEventV5(),
                sophonEventV6(), sophonDeviceList());
        return Generate.range(0, all.size() - 1).flatMap(i -> all.get(i).map(m -> (DeviceMessage) m));
    }
}
