package io.gatehouse.protocol.sense;

import static io.gatehouse.protocol.Fixtures.compact;
import static io.gatehouse.protocol.Fixtures.decode;
import static io.gatehouse.protocol.Fixtures.sample;
import static io.gatehouse.protocol.Fixtures.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.protocol.Decoded;
import io.gatehouse.protocol.json.DecodeException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The device alarm, event type 1 (v1.3.0+): tamper, forced door, sensor timeout, password attack, fire. */
class SenseAlarmTest {

    @Test
    void readsTheAlarmSample() throws Exception {
        String json = sample("sense-push-alarm-v1.3.0.json");
        SenseAlarm a = decode(json, SenseAlarm.class);

        assertThat(a.traceId()).isEqualTo("SPX-1767225602000-004-3Adb4v");
        assertThat(a.description()).isEqualTo("tamper switch opened");
        assertThat(a.alarmCode()).isEqualTo(AlarmCode.TAMPER);
        assertThat(a.eventTime()).isEqualTo(1767225602000L);
        assertThat(a.alarmStatus()).isEqualTo(AlarmStatus.RAISED);
        assertThat(a.userId()).isNull();
        assertThat(a.alarmPhoto()).startsWith("/9j/");
        assertThat(a.dialect()).hasToString("sense alarm v1.3.0");
        assertThat(written(a)).isEqualTo(compact(json));
    }

    @Test
    void everyDocumentedCodeAndStatusIsKnown() {
        assertThat(AlarmCode.of(10002)).isEqualTo(AlarmCode.FORCED_DOOR);
        assertThat(AlarmCode.of(10003)).isEqualTo(AlarmCode.DOOR_SENSOR_TIMEOUT);
        assertThat(AlarmCode.of(10004)).isEqualTo(AlarmCode.PASSWORD_ATTACK);
        assertThat(AlarmCode.of(20003)).isEqualTo(AlarmCode.FIRE);
        assertThat(AlarmStatus.of(2)).isEqualTo(AlarmStatus.CLEARING_FAILED);
        assertThat(AlarmStatus.of(3)).isEqualTo(AlarmStatus.CLEARED);
    }

    @Test
    void keepsAnUndocumentedAlarmCodeAndNotesIt() throws Exception {
        Decoded d = decode("""
                {"type":1,"data":{"trace_id":"t-1","code":"20001","event_time":1767225602000,"status":3,"user_id":42}}
                """);
        SenseAlarm a = (SenseAlarm) d.message();

        assertThat(a.code()).isEqualTo(20001);
        assertThat(a.alarmCode()).isNull();
        assertThat(a.alarmStatus()).isEqualTo(AlarmStatus.CLEARED);
        assertThat(a.userId()).isEqualTo("42");
        assertThat(d.notes()).containsExactly("data.code: undocumented code 20001 kept");
        assertThat(written(a)).isEqualTo(
                "{\"type\":1,\"data\":{\"trace_id\":\"t-1\",\"code\":20001,\"user_id\":\"42\",\"event_time\":1767225602000,\"status\":3}}");
    }

    @Test
    void refusesAnAlarmWithoutTraceIdOrStatus() {
        assertThatThrownBy(() -> decode("{\"type\":1,\"data\":{\"code\":10001,\"event_time\":1,\"status\":1}}"))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.path()).isEqualTo("data.trace_id"));
        assertThatThrownBy(() -> decode("{\"type\":1,\"data\":{\"trace_id\":\"t\",\"code\":10001,\"event_time\":1}}"))
                .hasMessage("data.status: required field is missing");
    }

    @Test
    void writesTheDocumentedShape() {
        SenseAlarm a = new SenseAlarm("t-2", "door forced", 10002, null, 1767225602000L, 1, null, Map.of());

        assertThat(written(a)).isEqualTo(
                "{\"type\":1,\"data\":{\"trace_id\":\"t-2\",\"description\":\"door forced\",\"code\":10002,\"event_time\":1767225602000,\"status\":1}}");
    }
}
