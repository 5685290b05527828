package io.gatehouse.core.normalize;

import static io.gatehouse.core.normalize.SenseNormalizerTest.normalize;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.core.event.AccessEvent;
import io.gatehouse.core.event.PersonType;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Given SE-box events, the neutral event: milliseconds, the two score scales, person types, the box's name. */
class SophonNormalizerTest {
    private static final Origin BOX = new Origin("SE-LOBBY", "192.0.2.40");

    private static AccessEvent v5(String fields) throws Exception {
        return (AccessEvent) normalize("{\"device_id\":\"cam-1\",\"timestamp\":1767225605020" + fields + "}", BOX);
    }

    private static AccessEvent v6(String fields) throws Exception {
        return (AccessEvent) normalize("{\"media_device_id\":\"cam-1\",\"timestamp\":1767225606020" + fields + "}", BOX);
    }

    @Test
    void timesAreMillisecondsAndSecondsSentByMistakeAreScaled() throws Exception {
        assertThat(v5(",\"score\":0.7").occurredAt()).isEqualTo(Instant.parse("2026-01-01T00:00:05.020Z"));
        assertThat(((AccessEvent) normalize("{\"device_id\":\"c\",\"timestamp\":1767225605,\"score\":0.7}", BOX)).occurredAt())
                .isEqualTo(Instant.parse("2026-01-01T00:00:05Z"));
    }

    @Test
    void scoresGoToZeroToOneKeepingTheRawNumberAndItsScale() throws Exception {
        var v5 = v5(",\"score\":0.78").scores();
        var v6 = v6(",\"score\":82.05").scores();

        assertThat(v5.recognition()).isEqualTo(0.78);
        assertThat(v5.rawScale()).isEqualTo(1.0);
        assertThat(v6.recognition()).isEqualTo(0.8205);
        assertThat(v6.rawRecognition()).isEqualTo(82.05);
        assertThat(v6.rawScale()).isEqualTo(100.0);
    }

    @ParameterizedTest
    @CsvSource({"1, EMPLOYEE", "2, VISITOR", "3, BLACKLISTED", "4, STRANGER", "5, VIP", "9, UNKNOWN"})
    void v5PersonTypes(int code, PersonType type) throws Exception {
        assertThat(v5(",\"score\":0.7,\"identity_id\":\"1\",\"ext_data\":{\"person_type\":" + code + "}").person().type())
                .isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource({"employee, EMPLOYEE", "visitor, VISITOR", "blacklist, BLACKLISTED", "stranger, STRANGER", "vip, VIP",
        "cleaner, UNKNOWN"})
    void v6UserTypes(String word, PersonType type) throws Exception {
        assertThat(v6(",\"score\":70,\"identity_id\":\"1\",\"user_type\":\"" + word + "\"").person().type()).isEqualTo(type);
    }

    @Test
    void anAbsentPersonTypeIsAnEmployeeAsTheDocumentSays() throws Exception {
        assertThat(v5(",\"score\":0.7,\"identity_id\":\"1\"").person().type()).isEqualTo(PersonType.EMPLOYEE);
        assertThat(v5(",\"score\":0.7,\"ext_data\":{}").person().type()).isEqualTo(PersonType.EMPLOYEE);
    }

    @Test
    void theBoxIsNamedByTheChannelAndTheKeyByCameraAndEvent() throws Exception {
        AccessEvent withId = v6(",\"score\":70,\"event_id\":\"8c1f\",\"media_device_ip\":\"192.0.2.44\"");
        AccessEvent withoutId = v5(",\"score\":0.7,\"identity_id\":\"666666\"");

        assertThat(withId.source().deviceSerial()).isEqualTo("SE-LOBBY");
        assertThat(withId.source().cameraId()).isEqualTo("cam-1");
        assertThat(withId.source().deviceAddress()).isEqualTo("192.0.2.44");
        assertThat(withId.dedupeKey()).isEqualTo("sophon/SE-LOBBY/cam-1/8c1f");
        assertThat(withoutId.dedupeKey()).isEqualTo("sophon/SE-LOBBY/cam-1/" + Fingerprint.of(1767225605020L, "666666", 0.7));
        assertThat(withoutId.source().deviceAddress()).as("no camera address: the channel's").isEqualTo("192.0.2.40");
    }
}
