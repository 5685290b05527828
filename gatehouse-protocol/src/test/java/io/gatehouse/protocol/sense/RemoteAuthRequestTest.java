package io.gatehouse.protocol.sense;

import static io.gatehouse.protocol.Fixtures.compact;
import static io.gatehouse.protocol.Fixtures.decode;
import static io.gatehouse.protocol.Fixtures.sample;
import static io.gatehouse.protocol.Fixtures.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.protocol.json.DecodeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The question a terminal in auth_mode 1 or 3 POSTs to remote_authentication_address: no wrapper, no uuid,
 * always a recognizeStatus, and a qrcode_content.
 */
class RemoteAuthRequestTest {

    @Test
    void readsTheV130Sample() throws Exception {
        String json = sample("sense-remote-auth-request-v1.3.0.json");
        RemoteAuthRequest q = decode(json, RemoteAuthRequest.class);

        assertThat(q.version()).isEqualTo(SenseVersion.V1_3_0);
        assertThat(q.deviceSn()).isEqualTo("PSC700C0MC22F02542");
        assertThat(RecognizeStatus.of(q.recognizeStatus())).isEqualTo(RecognizeStatus.IN_LIBRARY);
        assertThat(q.recognizeScore()).isEqualTo(0.9237);
        assertThat(q.entryModeKnown()).isEqualTo(EntryMode.FACE);
        assertThat(q.qrcodeContent()).isEmpty();
        assertThat(q.timestamp()).isEqualTo(1767225604L);
        assertThat(q.user().name()).isEqualTo("科恩");
        assertThat(q.user().userId()).isEqualTo("4bf5d479-f64e-4e35-907b-23a162b5d80f");
        assertThat(q.user().groups()).isEmpty();
        assertThat(q.dialect()).hasToString("sense remote-auth-request v1.3.0");
        assertThat(written(q)).isEqualTo(compact(json));
    }

    @Test
    void tellsV121AndV110ApartByTheUsersFields() throws Exception {
        RemoteAuthRequest v121 = decode("""
                {"deviceSN":"SN1","recognizeStatus":2,"timestamp":1767225604,"qrcode_content":"",
                 "user":{"user_id":"7","groups":[]}}""", RemoteAuthRequest.class);
        RemoteAuthRequest v110 = decode("""
                {"deviceSN":"SN1","recognizeStatus":2,"timestamp":1767225604,"qrcode_content":"",
                 "user":{"user_id":7,"type":3}}""", RemoteAuthRequest.class);

        assertThat(v121.version()).isEqualTo(SenseVersion.V1_2_1);
        assertThat(v110.version()).isEqualTo(SenseVersion.V1_1_0);
        assertThat(v110.user().userType(v110.version())).isEqualTo(SenseUserType.BLACKLIST);
    }

    @Test
    void writesEntryModeOnlyFromV130AndUserIdAsANumberBeforeV121() {
        SenseUser user = new SenseUser("A", "7", 1, "", "", "", 0L, 0L, "", "", List.of(), Map.of());
        RemoteAuthRequest v110 = new RemoteAuthRequest(SenseVersion.V1_1_0, "SN1", 2, 0.9, 1, 0, "", 0.0,
                1767225604L, "", user, Map.of());

        assertThat(written(v110)).isEqualTo(compact("""
                {"deviceSN":"SN1","recognizeStatus":2,"recognizeScore":0.9,"mask":0,"rgb_image":"",
                 "bodyTemperature":0.0,"timestamp":1767225604,"qrcode_content":"",
                 "user":{"name":"A","user_id":7,"type":1,"ic_number":"","job_number":"","guest_time_start":0,
                 "guest_time_end":0}}"""));
    }

    @Test
    void refusesARequestWithoutSerial() {
        assertThatThrownBy(() -> decode("{\"deviceSN\":null,\"trackID\":1,\"qrcode_content\":\"\",\"timestamp\":1}",
                RemoteAuthRequest.class))
                .isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> decode("{\"deviceSN\":[],\"qrcode_content\":\"\",\"timestamp\":1}"))
                .hasMessage("deviceSN: expected a string, found an array");
    }
}
