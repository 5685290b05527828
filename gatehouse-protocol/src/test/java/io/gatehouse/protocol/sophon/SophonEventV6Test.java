package io.gatehouse.protocol.sophon;

import static io.gatehouse.protocol.Fixtures.compact;
import static io.gatehouse.protocol.Fixtures.decode;
import static io.gatehouse.protocol.Fixtures.sample;
import static io.gatehouse.protocol.Fixtures.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.protocol.Decoded;
import org.junit.jupiter.api.Test;

/** The V6 event: flat, images as data URIs, the person type as a word, the score on 0..100. */
class SophonEventV6Test {

    @Test
    void readsTheV6Sample() throws Exception {
        String json = sample("sophon-ws-event-v6.json");
        SophonEventV6 e = decode(json, SophonEventV6.class);

        assertThat(e.eventId()).isEqualTo("8c1f");
        assertThat(e.timestamp()).isEqualTo(1767225606020L);
        assertThat(e.identityId()).isEqualTo("100000");
        assertThat(e.identityName()).isEqualTo("小王");
        assertThat(e.personTypeKnown()).isEqualTo(SophonPersonType.EMPLOYEE);
        assertThat(e.score()).isEqualTo(82.05);
        assertThat(e.mediaDeviceIp()).isEqualTo("192.0.2.44");
        assertThat(e.cameraId()).isEqualTo("04f98265-1fad-47e5-9dda-66e191272055");
        assertThat(e.mediaDeviceType()).isEqualTo("rtsp");
        assertThat(e.registerImage()).startsWith("data:image/jpeg;base64,/9j/");
        assertThat(e.recognizeFaceImage()).startsWith("data:image/jpeg;base64,/9j/");
        assertThat(e.recognizeFaceAttr().path("age").asInt()).isEqualTo(30);
        assertThat(e.dialect()).hasToString("sophon event V6");
        assertThat(written(e)).isEqualTo(compact(json));
    }

    @Test
    void everyDocumentedUserTypeWordIsKnownAndAnotherIsKeptAndNoted() throws Exception {
        for (SophonPersonType type : SophonPersonType.values()) {
            assertThat(SophonPersonType.ofWord(type.word())).isEqualTo(type);
        }
        Decoded d = decode("{\"media_device_id\":\"c1\",\"timestamp\":1767225606020,\"score\":50,\"user_type\":\"cleaner\"}");

        assertThat(((SophonEventV6) d.message()).personTypeKnown()).isNull();
        assertThat(d.notes()).containsExactly("user_type: undocumented user type \"cleaner\" kept");
    }

    @Test
    void refusesAnEventWithoutItsCamera() {
        assertThatThrownBy(() -> decode("{\"user_type\":\"vip\",\"timestamp\":1767225606020,\"score\":50}"))
                .hasMessage("media_device_id: required field is missing");
    }
}
