package io.gatehouse.protocol.sense;

import static io.gatehouse.protocol.Fixtures.compact;
import static io.gatehouse.protocol.Fixtures.decode;
import static io.gatehouse.protocol.Fixtures.sample;
import static io.gatehouse.protocol.Fixtures.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import io.gatehouse.protocol.Decoded;
import io.gatehouse.protocol.json.DecodeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The recognition record, event type 0, in every firmware version: seed 000 (v0.0.1, with trackID), seed 001 (v0.0.8),
 * the v1.1.0 and v1.3.0 samples, seed 002's WebSocket example (v1.2.1). Each is read field by field,
 * interpreted with its version's tables, and written back in exactly its version's shape.
 */
class SenseRecognitionTest {

    /** Seed 000, the first example: before v0.0.8 the record had an integer trackID and no serial. */
    static final String SEED_000_V001 = """
            {
                "type": 0,
                "data": {
                    "recognizeStatus": 2,
                    "trackID": 13,
                    "recognizeScore": 0.9837480783462524,
                    "livenessScore": 0.9073520302772522,
                    "mask": 1,
                    "rgb_image": "xxxxxxxxxxxxxx=",
                    "pass": true,
                    "mode": 0,
                    "user": {
                        "name": "Q",
                        "user_id": 1,
                        "type": 1
                    },
                    "timestamp": 1660625866
                }
            }
            """;

    /** Seed 001 (the English push document): deviceSN replaced trackID in v0.0.8; the user gained card numbers. */
    static final String SEED_001_V008 = """
            {
                "type": 0,
                "data": {
                    "recognizeStatus": 2,
                    "deviceSN":"PS71HD01MC22C00014",
                    "recognizeScore": 0.9837480783462524,
                    "livenessScore": 0.9073520302772522,
                    "mask": 1,
                    "rgb_image": "xxxxxxxxxxxxxx=",
                    "pass": true,
                    "mode": 0,
                    "user": {
                        "name": "Q",
                        "user_id": 1,
                        "type": 1,
                        "ic_number":"111",
                        "job_number":"2222"
                    },
                    "timestamp": 1660625866
                }
            }
            """;

    /** Seed 002, the WebSocket example (v1.2.1: uuid, string user_id, groups). */
    static final String SEED_002_V121 = """
            {
                "type":0,
                "data":{
                    "deviceSN":"PS71HD01MC22B00003",
                    "recognitionType":1,
                    "uuid":"f63cad1a-e12c-4ea6-8098-01e8240bfa5b",
                    "recognizeScore":0.9499402046203613,
                    "mask":0,
                    "mode":3,
                    "rgb_image":" ",
                    "bodyTemperature":0,
                    "pass":true,
                    "timestamp":1678870602,
                    "user":{
                        "name":"张三",
                        "ic_number":"1234",
                        "id_number":"gO/i1UcxN3k=",
                        "job_number":"",
                        "user_id":"3",
                        "remark":"",
                        "guest_time_start":0,
                        "guest_time_end":0,
                        "type":1,
                        "groups":[
                            {"id":"1", "name":"测试1"},
                            {"id":"2", "name":"测试2"}
                        ]
                    }
                }
            }
            """;

    private static SenseRecognition record(String json) throws DecodeException {
        return decode(json, SenseRecognition.class);
    }

    /** A minimal record of {@code version}'s shape with {@code mode} and {@code user}. */
    private static String recordWith(String version, String fields) {
        String head = switch (version) {
            case "v0.0.8" -> "\"deviceSN\":\"SN1\",\"recognizeStatus\":4,";
            case "v1.1.0" -> "\"deviceSN\":\"SN1\",\"recognitionType\":1,";
            case "v1.2.1" -> "\"deviceSN\":\"SN1\",\"recognitionType\":1,\"uuid\":\"u-1\",";
            case "v1.3.0" -> "\"deviceSN\":\"SN1\",\"recognitionType\":1,\"uuid\":\"u-1\",\"entry_mode\":1,";
            default -> throw new IllegalArgumentException(version);
        };
        return "{\"type\":0,\"data\":{" + head + "\"pass\":true,\"timestamp\":1767225600," + fields + "}}";
    }

    @Test
    void readsSeed000sTrackIdRecordAsV001AndWritesItBackUnchanged() throws Exception {
        SenseRecognition r = record(SEED_000_V001);

        assertThat(r.version()).isEqualTo(SenseVersion.V0_0_1);
        assertThat(r.trackId()).isEqualTo(13);
        assertThat(r.deviceSn()).isNull();
        assertThat(r.recognizeStatusKnown()).isEqualTo(RecognizeStatus.IN_LIBRARY);
        assertThat(r.recognizeScore()).isEqualTo(0.9837480783462524);
        assertThat(r.livenessScore()).isEqualTo(0.9073520302772522);
        assertThat(r.maskKnown()).isEqualTo(MaskState.NO_MASK);
        assertThat(r.verificationMode()).isEqualTo(VerificationMode.FACE);
        assertThat(r.rgbImage()).isEqualTo("xxxxxxxxxxxxxx=");
        assertThat(r.pass()).isTrue();
        assertThat(r.timestamp()).isEqualTo(1660625866L);
        assertThat(r.user().name()).isEqualTo("Q");
        assertThat(r.user().userId()).isEqualTo("1");
        assertThat(r.user().userType(r.version())).isEqualTo(SenseUserType.EMPLOYEE);
        assertThat(r.dialect()).hasToString("sense recognition v0.0.1");

        assertThat(written(r)).isEqualTo(compact(SEED_000_V001));
    }

    @Test
    void readsSeed001sV008RecordAndWritesItBackUnchanged() throws Exception {
        SenseRecognition r = record(SEED_001_V008);

        assertThat(r.version()).isEqualTo(SenseVersion.V0_0_8);
        assertThat(r.deviceSn()).isEqualTo("PS71HD01MC22C00014");
        assertThat(r.trackId()).isNull();
        assertThat(r.user().icNumber()).isEqualTo("111");
        assertThat(r.user().jobNumber()).isEqualTo("2222");
        assertThat(r.recognitionType()).isNull();
        assertThat(r.bodyTemperature()).isNull();

        assertThat(written(r)).isEqualTo(compact(SEED_001_V008));
    }

    @Test
    void readsTheV110SampleWithVisitorWindowAndTemperature() throws Exception {
        String json = sample("sense-push-recognition-v1.1.0.json");
        SenseRecognition r = record(json);

        assertThat(r.version()).isEqualTo(SenseVersion.V1_1_0);
        assertThat(r.recognitionTypeKnown()).isEqualTo(RecognitionType.VISITOR);
        assertThat(r.recognizeStatus()).isNull();
        assertThat(r.livenessScore()).isNull();
        assertThat(r.uuid()).isNull();
        assertThat(r.maskKnown()).isEqualTo(MaskState.MASK);
        assertThat(r.verificationMode()).isEqualTo(VerificationMode.FACE_OR_CARD);
        assertThat(r.bodyTemperature()).isEqualTo(36.5);
        assertThat(r.user().userId()).isEqualTo("12");
        assertThat(r.user().userType(r.version())).isEqualTo(SenseUserType.VISITOR);
        assertThat(r.user().guestTimeStart()).isEqualTo(1767222000000L);
        assertThat(r.user().guestTimeEnd()).isEqualTo(1767250800000L);
        assertThat(r.user().groups()).isNull();

        assertThat(written(r)).isEqualTo(compact(json));
    }

    @Test
    void readsSeed002sWebSocketExampleAsV121() throws Exception {
        SenseRecognition r = record(SEED_002_V121);

        assertThat(r.version()).isEqualTo(SenseVersion.V1_2_1);
        assertThat(r.uuid()).isEqualTo("f63cad1a-e12c-4ea6-8098-01e8240bfa5b");
        assertThat(r.recognitionTypeKnown()).isEqualTo(RecognitionType.EMPLOYEE);
        assertThat(r.verificationMode()).isEqualTo(VerificationMode.FACE_OR_CARD_OR_QR_OR_PIN);
        assertThat(r.rgbImage()).isEqualTo(" ");
        assertThat(r.user().userId()).isEqualTo("3");
        assertThat(r.user().idNumber()).isEqualTo("gO/i1UcxN3k=");
        assertThat(r.user().groups()).containsExactly(new SenseGroup("1", "测试1"), new SenseGroup("2", "测试2"));

        // the document shows "bodyTemperature":0; the field is a Double and is written as one
        assertThat(written(r)).isEqualTo(compact(SEED_002_V121.replace("\"bodyTemperature\":0,", "\"bodyTemperature\":0.0,")));
    }

    @Test
    void readsTheV130SampleWithEntryModeAndAbnormalType() throws Exception {
        String json = sample("sense-push-recognition-v1.3.0.json");
        SenseRecognition r = record(json);

        assertThat(r.version()).isEqualTo(SenseVersion.V1_3_0);
        assertThat(r.entryModeKnown()).isEqualTo(EntryMode.FACE);
        assertThat(r.abnormalTypeKnown()).isEqualTo(AbnormalType.NONE);
        assertThat(r.user().pin()).isEmpty();
        assertThat(r.user().groups()).extracting(SenseGroup::name).containsExactly("研发", "一楼");

        assertThat(written(r)).isEqualTo(compact(json));
    }

    @Test
    void theVerificationModeTableChangedMeaningInV110() throws Exception {
        assertThat(record(recordWith("v0.0.8", "\"mode\":2")).verificationMode()).isEqualTo(VerificationMode.FACE_OR_CARD_OR_QR);
        assertThat(record(recordWith("v1.1.0", "\"mode\":2")).verificationMode()).isEqualTo(VerificationMode.FACE_AND_CARD);
        assertThat(record(recordWith("v0.0.8", "\"mode\":3")).verificationMode()).isEqualTo(VerificationMode.FACE_AND_CARD);
        assertThat(record(recordWith("v1.3.0", "\"mode\":3")).verificationMode())
                .isEqualTo(VerificationMode.FACE_OR_CARD_OR_QR_OR_PIN);
        assertThat(record(recordWith("v1.2.1", "\"mode\":9")).verificationMode()).isEqualTo(VerificationMode.CARD_AND_PIN);

        assertThat(VerificationMode.FACE_AND_CARD.code(SenseVersion.V0_0_8)).isEqualTo(3);
        assertThat(VerificationMode.FACE_AND_CARD.code(SenseVersion.V1_1_0)).isEqualTo(2);
        assertThat(VerificationMode.FACE_AND_PIN.code(SenseVersion.V0_0_8)).isEqualTo(-1);
    }

    @Test
    void aModeOutsideTheVersionsTableIsKeptAndNoted() throws Exception {
        // mode 7 (face and PIN) does not exist in the old table; history queries have shown mode 10
        Decoded old = decode(recordWith("v0.0.8", "\"mode\":7"));
        Decoded history = decode(recordWith("v1.3.0", "\"mode\":10"));

        assertThat(((SenseRecognition) old.message()).verificationMode()).isNull();
        assertThat(old.notes()).contains("data.mode: verification mode 7 is undocumented in v0.0.8, kept");
        assertThat(((SenseRecognition) history.message()).mode()).isEqualTo(10);
        assertThat(written(history.message())).contains("\"mode\":10");
    }

    @Test
    void blacklistedPeopleWereUserType3BeforeV130AndAre5Since() throws Exception {
        SenseRecognition before = record(recordWith("v1.2.1", "\"user\":{\"user_id\":\"9\",\"type\":3}"));
        SenseRecognition since = record(recordWith("v1.3.0", "\"user\":{\"user_id\":\"9\",\"type\":5}"));
        Decoded stale = decode(recordWith("v1.3.0", "\"user\":{\"user_id\":\"9\",\"type\":3}"));

        assertThat(before.user().userType(before.version())).isEqualTo(SenseUserType.BLACKLIST);
        assertThat(since.user().userType(since.version())).isEqualTo(SenseUserType.BLACKLIST);
        SenseRecognition staleRecord = (SenseRecognition) stale.message();
        assertThat(staleRecord.user().userType(staleRecord.version())).isNull();
        assertThat(staleRecord.user().type()).isEqualTo(3);
        assertThat(stale.notes()).contains("data.user.type: user type 3 is undocumented in v1.3.0, kept");
        assertThat(SenseUserType.BLACKLIST.code(SenseVersion.V1_2_1)).isEqualTo(3);
        assertThat(SenseUserType.BLACKLIST.code(SenseVersion.V1_3_0)).isEqualTo(5);
    }

    @Test
    void userIdIsANumberUntilV121AndAStringSince() throws Exception {
        SenseRecognition v110 = record(recordWith("v1.1.0", "\"user\":{\"name\":\"A\",\"user_id\":\"12\",\"type\":1}"));
        SenseRecognition v121 = record(recordWith("v1.2.1", "\"user\":{\"name\":\"A\",\"user_id\":12,\"type\":1}"));
        SenseRecognition leadingZero = record(recordWith("v1.1.0", "\"user\":{\"user_id\":\"007\"}"));

        assertThat(v110.user().userId()).isEqualTo("12");
        assertThat(written(v110)).contains("\"user\":{\"name\":\"A\",\"user_id\":12,\"type\":1}");
        assertThat(v121.user().userId()).isEqualTo("12");
        assertThat(written(v121)).contains("\"user_id\":\"12\"");
        // "007" is no number: writing 7 would change the identity
        assertThat(written(leadingZero)).contains("\"user_id\":\"007\"");
    }

    @Test
    void acceptsNumbersAndBooleansSentAsStringsAndWritesThemAsDocumented() throws Exception {
        SenseRecognition r = record("""
                {"type":"0","data":{"deviceSN":"SN1","recognitionType":"1","uuid":"u-1","recognizeScore":"0.93",
                 "mask":"2","mode":"0","rgb_image":"","bodyTemperature":"36.6","pass":"true","timestamp":"1767225600",
                 "user":{"user_id":"5","type":"1","guest_time_start":"0","guest_time_end":"0"}}}
                """);

        assertThat(r.recognizeScore()).isEqualTo(0.93);
        assertThat(r.maskKnown()).isEqualTo(MaskState.MASK);
        assertThat(r.pass()).isTrue();
        assertThat(r.timestamp()).isEqualTo(1767225600L);
        assertThat(r.bodyTemperature()).isEqualTo(36.6);
        assertThat(written(r)).isEqualTo(compact("""
                {"type":0,"data":{"deviceSN":"SN1","recognitionType":1,"uuid":"u-1","recognizeScore":0.93,"mask":2,
                 "mode":0,"rgb_image":"","bodyTemperature":36.6,"pass":true,"timestamp":1767225600,
                 "user":{"user_id":"5","guest_time_start":0,"guest_time_end":0,"type":1}}}
                """));
    }

    @Test
    void aStrangerHasAnEmptyUser() throws Exception {
        String json = sample("tolerant/sense-push-stranger-empty-user.json");
        SenseRecognition r = record(json);

        assertThat(r.recognitionTypeKnown()).isEqualTo(RecognitionType.STRANGER);
        assertThat(r.user().isEmpty()).isTrue();
        assertThat(r.pass()).isFalse();
        assertThat(written(r)).isEqualTo(compact(json));
    }

    @Test
    void keepsAnUnknownFieldAndWritesItBack() throws Exception {
        Decoded d = decode(sample("tolerant/sense-push-unknown-field.json"));

        assertThat(((SenseRecognition) d.message()).extra()).containsEntry("new_firmware_field", new TextNode("x"));
        assertThat(d.notes()).containsExactly("data.new_firmware_field: unknown field kept");
        assertThat(written(d.message())).endsWith(",\"new_firmware_field\":\"x\"}}");
    }

    @Test
    void aFieldOfAnotherVersionIsKeptAsSentNotReadIntoTheRecord() throws Exception {
        // a v1.3.0 record still carrying the liveness score that v1.1.0 removed
        Decoded d = decode(recordWith("v1.3.0", "\"livenessScore\":0.91,\"user\":{\"user_id\":\"5\",\"job_number\":\"7\",\"trackID\":1}"));
        SenseRecognition r = (SenseRecognition) d.message();

        assertThat(r.version()).isEqualTo(SenseVersion.V1_3_0);
        assertThat(r.livenessScore()).isNull();
        assertThat(r.extra()).containsOnlyKeys("livenessScore");
        assertThat(r.user().extra()).containsOnlyKeys("trackID");
        assertThat(d.notes()).containsExactlyInAnyOrder(
                "data.livenessScore: documented for other versions than v1.3.0, kept as sent",
                "data.user.trackID: unknown field kept");
        assertThat(written(r)).contains("\"livenessScore\":0.91");
    }

    @Test
    void notesATimestampInMilliseconds() throws Exception {
        Decoded d = decode("{\"type\":0,\"data\":{\"deviceSN\":\"SN1\",\"recognitionType\":1,\"timestamp\":1767225600000}}");

        assertThat(d.notes()).containsExactly("data.timestamp: 1767225600000 looks like milliseconds where seconds are documented");
    }

    @Test
    void refusesARecordWithoutSerialOrTimeNamingTheField() {
        assertThatThrownBy(() -> decode("{\"type\":0,\"data\":{\"recognitionType\":1,\"timestamp\":1767225600}}"))
                .isInstanceOfSatisfying(DecodeException.class, e -> {
                    assertThat(e.path()).isEqualTo("data.deviceSN");
                    assertThat(e.reason()).isEqualTo("required field is missing");
                });
        assertThatThrownBy(() -> decode("{\"type\":0,\"data\":{\"deviceSN\":\"SN1\",\"recognitionType\":1}}"))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.path()).isEqualTo("data.timestamp"));
        assertThatThrownBy(() -> decode("{\"type\":0,\"data\":{\"deviceSN\":\"SN1\",\"timestamp\":-5}}"))
                .hasMessage("data.timestamp: expected Unix seconds, found the negative number -5");
    }

    @Test
    void writesOnlyTheFieldsOfItsVersion() {
        SenseUser user = new SenseUser("Q", "1", 1, "111", "2222", "ID", 0L, 0L, "r", "0000",
                List.of(new SenseGroup("1", "g")), Map.of());
        for (SenseVersion version : SenseVersion.values()) {
            SenseRecognition everything = new SenseRecognition(version, "SN1", 13, 2, 1, "u-1", 0.9, 0.8, 1, 0, 1, 0,
                    "", true, 1660625866L, 36.5, user, Map.of());
            String expected = switch (version) {
                case V0_0_1 -> """
                        {"recognizeStatus":2,"trackID":13,"recognizeScore":0.9,"livenessScore":0.8,"mask":1,"rgb_image":"",
                         "pass":true,"mode":0,"user":{"name":"Q","user_id":1,"type":1,"ic_number":"111","job_number":"2222"},
                         "timestamp":1660625866}""";
                case V0_0_8 -> """
                        {"recognizeStatus":2,"deviceSN":"SN1","recognizeScore":0.9,"livenessScore":0.8,"mask":1,"rgb_image":"",
                         "pass":true,"mode":0,"user":{"name":"Q","user_id":1,"type":1,"ic_number":"111","job_number":"2222"},
                         "timestamp":1660625866}""";
                case V1_1_0 -> """
                        {"deviceSN":"SN1","recognitionType":1,"recognizeScore":0.9,"mask":1,"mode":0,"rgb_image":"",
                         "bodyTemperature":36.5,"pass":true,"timestamp":1660625866,"user":{"name":"Q","user_id":1,"type":1,
                         "ic_number":"111","job_number":"2222","guest_time_start":0,"guest_time_end":0}}""";
                case V1_2_1 -> """
                        {"deviceSN":"SN1","recognitionType":1,"uuid":"u-1","recognizeScore":0.9,"mask":1,"mode":0,
                         "rgb_image":"","bodyTemperature":36.5,"pass":true,"timestamp":1660625866,"user":{"name":"Q",
                         "ic_number":"111","id_number":"ID","job_number":"2222","user_id":"1","remark":"r",
                         "guest_time_start":0,"guest_time_end":0,"type":1,"groups":[{"id":"1","name":"g"}]}}""";
                case V1_3_0 -> """
                        {"deviceSN":"SN1","recognitionType":1,"entry_mode":1,"abnormal_type":0,"uuid":"u-1",
                         "recognizeScore":0.9,"mask":1,"mode":0,"rgb_image":"","bodyTemperature":36.5,"pass":true,
                         "timestamp":1660625866,"user":{"name":"Q","ic_number":"111","id_number":"ID","job_number":"2222",
                         "pin":"0000","user_id":"1","remark":"r","guest_time_start":0,"guest_time_end":0,"type":1,
                         "groups":[{"id":"1","name":"g"}]}}""";
            };
            assertThat(written(everything)).as(version.label()).isEqualTo(compact("{\"type\":0,\"data\":" + expected + "}"));
        }
    }
}
