package io.gatehouse.protocol.sophon;

import static io.gatehouse.protocol.Fixtures.compact;
import static io.gatehouse.protocol.Fixtures.decode;
import static io.gatehouse.protocol.Fixtures.sample;
import static io.gatehouse.protocol.Fixtures.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.protocol.Decoded;
import io.gatehouse.protocol.json.DecodeException;
import org.junit.jupiter.api.Test;

/** The V5 recognition event of seed 004: ext_data holds the camera, the person type and the pictures. */
class SophonEventV5Test {

    /** Seed 004's example as it would arrive: its identity_info, abbreviated with "…" in the document, completed. */
    static final String SEED_004_EVENT = """
            {
                "reg_pic":"",
                "ext_data":{
                    "person_type":5,
                    "device_ip":"192.168.1.243",
                    "device_type":"0",
                    "spot_pic":"/9j/6QAEAAD/2xxD",
                    "recognize_face":"/9j/6QAEAAD/2wBD"
                },
                "identity_id":"666666",
                "device_id":"04f98265-1fad-47e5-9dda-66e191272055",
                "identity_info":{
                    "addTime": 1594111791,
                    "image_id": "5282249a-044d-43a2-9a97-0e4fee3832f5",
                    "name": "stranger",
                    "type": 4},
                "score":0.6231614351272583,
                "timestamp":1566016554020,
                "group_name":"default_group",
                "identity_name":"小明"
            }
            """;

    @Test
    void readsSeed004sExample() throws Exception {
        SophonEventV5 e = decode(SEED_004_EVENT, SophonEventV5.class);

        assertThat(e.identityId()).isEqualTo("666666");
        assertThat(e.cameraId()).isEqualTo("04f98265-1fad-47e5-9dda-66e191272055");
        assertThat(e.identityName()).isEqualTo("小明");
        assertThat(e.groupName()).isEqualTo("default_group");
        assertThat(e.regPic()).isEmpty();
        assertThat(e.timestamp()).isEqualTo(1566016554020L);
        assertThat(e.score()).isEqualTo(0.6231614351272583);
        assertThat(e.identityInfo().path("image_id").asText()).isEqualTo("5282249a-044d-43a2-9a97-0e4fee3832f5");
        assertThat(e.extData().personTypeKnown()).isEqualTo(SophonPersonType.VIP);
        assertThat(e.extData().deviceTypeKnown()).isEqualTo(SophonDeviceType.GATE);
        assertThat(e.extData().deviceIp()).isEqualTo("192.168.1.243");
        assertThat(e.extData().spotPic()).isEqualTo("/9j/6QAEAAD/2xxD");
        assertThat(e.dialect()).hasToString("sophon event V5");
        assertThat(written(e)).isEqualTo(compact(SEED_004_EVENT));
    }

    @Test
    void refusesTheDocumentsAbbreviatedExampleAsIsNamingWhere() {
        String verbatim = SEED_004_EVENT.replace("\"addTime\": 1594111791,", "addTime: 1594111791,");

        assertThatThrownBy(() -> decode(verbatim))
                .isInstanceOfSatisfying(DecodeException.class, e -> {
                    assertThat(e.path()).isEqualTo("identity_info");
                    assertThat(e.reason()).startsWith("malformed JSON at line 13");
                });
    }

    @Test
    void readsTheV5SampleWithEventAndVideoIds() throws Exception {
        String json = sample("sophon-ws-event-v5.json");
        SophonEventV5 e = decode(json, SophonEventV5.class);

        assertThat(e.eventId()).isEqualTo("e0a1");
        assertThat(e.videoId()).isEqualTo("v0");
        assertThat(written(e)).isEqualTo(compact(json));
    }

    @Test
    void anAbsentPersonTypeMeansEmployee() throws Exception {
        String json = sample("tolerant/sophon-v5-minimal.json");
        SophonEventV5 e = decode(json, SophonEventV5.class);

        assertThat(e.extData().personType()).isNull();
        assertThat(e.extData().personTypeKnown()).isEqualTo(SophonPersonType.EMPLOYEE);
        assertThat(e.regPic()).isNull();
        assertThat(written(e)).isEqualTo(compact(json));
    }

    @Test
    void keepsUndocumentedPersonAndDeviceTypes() throws Exception {
        Decoded d = decode("""
                {"device_id":"c1","timestamp":1767225605020,"score":0.9,"ext_data":{"person_type":9,"device_type":"2"}}""");
        SophonEventV5 e = (SophonEventV5) d.message();

        assertThat(e.extData().personTypeKnown()).isNull();
        assertThat(e.extData().deviceTypeKnown()).isNull();
        assertThat(d.notes()).containsExactly("ext_data.person_type: undocumented person type 9 kept",
                "ext_data.device_type: undocumented device type 2 kept");
    }

    @Test
    void refusesAnEventWithoutCameraTimeOrScore() {
        assertThatThrownBy(() -> decode("{\"identity_id\":\"1\",\"timestamp\":1767225605020,\"score\":0.9}"))
                .hasMessage("device_id: required field is missing");
        assertThatThrownBy(() -> decode("{\"device_id\":\"c1\",\"timestamp\":1767225605020}"))
                .hasMessage("score: required field is missing");
        assertThatThrownBy(() -> decode("{\"device_id\":\"c1\",\"timestamp\":1767225605020,\"score\":\"NaN\"}"))
                .hasMessage("score: expected a number, found the string \"NaN\"");
    }

    @Test
    void notesSecondsWhereMillisecondsAreDocumented() throws Exception {
        Decoded d = decode("{\"device_id\":\"c1\",\"timestamp\":1767225605,\"score\":0.9}");

        assertThat(d.notes()).containsExactly("timestamp: 1767225605 looks like seconds where milliseconds are documented");
    }
}
