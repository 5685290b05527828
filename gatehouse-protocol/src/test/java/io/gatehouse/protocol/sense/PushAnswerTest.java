package io.gatehouse.protocol.sense;

import static io.gatehouse.protocol.Fixtures.compact;
import static io.gatehouse.protocol.Fixtures.decode;
import static io.gatehouse.protocol.Fixtures.sample;
import static io.gatehouse.protocol.Fixtures.written;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the record-push receiver answers. Seeds 000 and 001: the table names the text field {@code message} and its
 * example {@code msg}: both are read, and the table's {@code message} is written.
 */
class PushAnswerTest {

    @Test
    void readsTheReceiverAnswerSample() throws Exception {
        String json = sample("sense-push-receiver-answer.json");
        PushAnswer a = decode(json, PushAnswer.class);

        assertThat(a.accepted()).isTrue();
        assertThat(a.message()).isEqualTo("success");
        assertThat(a.pass()).isTrue();
        assertThat(a.customTips()).isEqualTo("Hello");
        assertThat(written(a)).isEqualTo(compact(json));
    }

    @Test
    void readsSeed000sExampleWhichSaysMsg() throws Exception {
        PushAnswer a = decode("""
                {
                    "code": 200,
                    "msg": "success",
                    "data": {
                        "pass": true,
                        "customtips":"Hello World"
                    }
                }""", PushAnswer.class);

        assertThat(a.message()).isEqualTo("success");
        assertThat(a.customTips()).isEqualTo("Hello World");
        assertThat(written(a)).isEqualTo(
                "{\"code\":200,\"message\":\"success\",\"data\":{\"pass\":true,\"customtips\":\"Hello World\"}}");
    }

    @Test
    void aRefusalIsAnyCodeButTwoHundred() throws Exception {
        assertThat(decode("{\"code\":500,\"message\":\"busy\",\"data\":{\"pass\":false}}", PushAnswer.class).accepted())
                .isFalse();
        assertThat(written(PushAnswer.success(false, "")))
                .isEqualTo("{\"code\":200,\"message\":\"success\",\"data\":{\"pass\":false,\"customtips\":\"\"}}");
    }
}
