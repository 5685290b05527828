package io.gatehouse.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.core.event.AccessEvent;
import io.gatehouse.core.event.AlarmEvent;
import io.gatehouse.core.event.DeviceEvent;
import io.gatehouse.core.event.ImageKind;
import io.gatehouse.core.event.PersonType;
import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.sense.VerificationMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Given terminal payloads, the neutral event Gatehouse makes: times, person types per version, keys. */
class SenseNormalizerTest {
    private static final String JPEG = "/9j/4AAQSkZJRgABAQ==";

    static DeviceEvent normalize(String json, Origin origin) throws DecodeException {
        var codec = ProtocolCodec.standard();
        var tree = codec.parse(json.getBytes(StandardCharsets.UTF_8));
        return EventNormalizer.standard().normalize(codec.decode(tree).message(), tree, origin);
    }

    static AccessEvent access(String json) throws DecodeException {
        return (AccessEvent) normalize(json, Origin.UNKNOWN);
    }

    private static String v130(String user, String extra) {
        return "{\"type\":0,\"data\":{\"deviceSN\":\"SN1\",\"recognitionType\":1,\"entry_mode\":1,\"uuid\":\"u-1\","
                + "\"recognizeScore\":0.9,\"mask\":0,\"mode\":3,\"rgb_image\":\"" + JPEG + "\",\"pass\":true,"
                + "\"timestamp\":1767225600,\"user\":" + user + extra + "}}";
    }

    @Test
    void recordTimesAreSecondsAndVisitorWindowsMilliseconds() throws Exception {
        AccessEvent e = access("""
                {"type":0,"data":{"deviceSN":"SN1","recognitionType":2,"timestamp":1767225601,
                 "user":{"user_id":12,"type":2,"guest_time_start":1767222000000,"guest_time_end":0}}}""");

        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-01-01T00:00:01Z"));
        assertThat(e.person().visitorWindow().from()).isEqualTo(Instant.parse("2025-12-31T23:00:00Z"));
        assertThat(e.person().visitorWindow().until()).as("0 means no end").isNull();
    }

    @Test
    void aRecordTimeSentInMillisecondsIsStillRightAndNoted() throws Exception {
        assertThat(access("{\"type\":0,\"data\":{\"deviceSN\":\"SN1\",\"recognitionType\":1,\"timestamp\":1767225600500}}")
                .occurredAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.500Z"));
    }

    @Test
    void theRecordsClassificationWinsOverTheLibraryType() throws Exception {
        String visitorByRecord = v130("{\"user_id\":\"9\",\"type\":1}", "").replace("\"recognitionType\":1", "\"recognitionType\":2");
        assertThat(access(visitorByRecord).person().type()).isEqualTo(PersonType.VISITOR);
        String blacklisted = v130("{\"user_id\":\"9\",\"type\":5}", "").replace("\"recognitionType\":1", "\"recognitionType\":5");
        assertThat(access(blacklisted).person().type()).isEqualTo(PersonType.BLACKLISTED);
        String nonLive = v130("{}", "").replace("\"recognitionType\":1", "\"recognitionType\":4");
        assertThat(access(nonLive).person().type()).isEqualTo(PersonType.NON_LIVE);
        assertThat(access(nonLive).person().known()).isFalse();
    }

    @Test
    void beforeV110TheLibraryTypeAndTheStatusTellWhoItIs() throws Exception {
        String v008 = "{\"type\":0,\"data\":{\"deviceSN\":\"SN1\",\"recognizeStatus\":%d,\"mode\":%d,\"timestamp\":1660625866,"
                + "\"user\":%s}}";

        assertThat(access(v008.formatted(2, 0, "{\"user_id\":1,\"type\":3}")).person().type()).isEqualTo(PersonType.BLACKLISTED);
        assertThat(access(v008.formatted(3, 0, "{}")).person().type()).isEqualTo(PersonType.STRANGER);
        assertThat(access(v008.formatted(1, 0, "{}")).person().type()).isEqualTo(PersonType.NON_LIVE);
        assertThat(access(v008.formatted(2, 3, "{\"user_id\":1,\"type\":1}")).outcome().verification())
                .isEqualTo(VerificationMode.FACE_AND_CARD);
    }

    @Test
    void anUndocumentedLibraryTypeIsUnknownNotAGuess() throws Exception {
        // type 3 meant blacklist before v1.3.0; in v1.3.0 it means nothing
        String json = "{\"type\":0,\"data\":{\"deviceSN\":\"SN1\",\"entry_mode\":1,\"timestamp\":1767225600,"
                + "\"user\":{\"user_id\":\"9\",\"type\":3}}}";

        assertThat(access(json).person().type()).isEqualTo(PersonType.UNKNOWN);
    }

    @Test
    void aTemperatureOfZeroWasNotMeasured() throws Exception {
        assertThat(access(v130("{}", ",\"bodyTemperature\":0.0")).bodyTemperature()).isNull();
        assertThat(access(v130("{}", ",\"bodyTemperature\":37.2")).bodyTemperature()).isEqualTo(37.2);
    }

    @Test
    void theSnapshotIsDecodedAndABlankOneIsNoImage() throws Exception {
        AccessEvent e = access(v130("{}", ""));

        assertThat(e.images()).singleElement().satisfies(image -> {
            assertThat(image.kind()).isEqualTo(ImageKind.FACE_SNAPSHOT);
            assertThat(image.mediaType()).isEqualTo("image/jpeg");
            assertThat(image.size()).isEqualTo(13);
        });
        assertThat(access(v130("{}", "").replace(JPEG, " ")).images()).isEmpty();
    }

    @Test
    void theKeyIsTheUuidWhereThereIsOneAndTheFingerprintElsewhere() throws Exception {
        String v110 = "{\"type\":0,\"data\":{\"deviceSN\":\"SN1\",\"recognitionType\":1,\"recognizeScore\":0.9,\"mode\":0,"
                + "\"pass\":true,\"timestamp\":1767225600,\"user\":{\"user_id\":5}}}";
        String sameAsStrings = v110.replace("0.9", "\"0.9\"").replace("\"user_id\":5", "\"user_id\":\"5\"");

        assertThat(access(v130("{}", "")).dedupeKey()).isEqualTo("sense/SN1/u-1");
        assertThat(access(v110).dedupeKey())
                .isEqualTo("sense/SN1/" + Fingerprint.of(null, 1767225600L, "5", 0.9, 0, true))
                .isEqualTo(access(sameAsStrings).dedupeKey());
        assertThat(access(v110.replace("1767225600", "1767225601")).dedupeKey()).isNotEqualTo(access(v110).dedupeKey());
    }

    @Test
    void aV001RecordNamesItsDeviceOnlyThroughTheChannel() throws Exception {
        String v001 = "{\"type\":0,\"data\":{\"recognizeStatus\":2,\"trackID\":13,\"mode\":0,\"timestamp\":1660625866,"
                + "\"user\":{\"user_id\":1,\"type\":1}}}";

        assertThat(((AccessEvent) normalize(v001, Origin.UNKNOWN)).source().deviceSerial()).isEqualTo("unknown");
        AccessEvent fromChannel = (AccessEvent) normalize(v001, new Origin("PS71HD01MC22C00014", "192.0.2.9"));
        assertThat(fromChannel.source().deviceSerial()).isEqualTo("PS71HD01MC22C00014");
        assertThat(fromChannel.dedupeKey()).isEqualTo("sense/PS71HD01MC22C00014/" + Fingerprint.of(13, 1660625866L, "1", null, 0, null));
    }

    @Test
    void alarmsAreMillisecondsAndKeyedByTraceAndStatus() throws Exception {
        AlarmEvent raised = (AlarmEvent) normalize(
                "{\"type\":1,\"data\":{\"trace_id\":\"t-1\",\"code\":10002,\"event_time\":1767225602000,\"status\":1}}",
                new Origin("SN1", null));
        AlarmEvent cleared = (AlarmEvent) normalize(
                "{\"type\":1,\"data\":{\"trace_id\":\"t-1\",\"code\":10002,\"event_time\":1767225609000,\"status\":3}}",
                new Origin("SN1", null));

        assertThat(raised.occurredAt()).isEqualTo(Instant.parse("2026-01-01T00:00:02Z"));
        assertThat(raised.dedupeKey()).isEqualTo("sense/SN1/alarm/t-1/1");
        assertThat(cleared.dedupeKey()).isEqualTo("sense/SN1/alarm/t-1/3");
    }
}
