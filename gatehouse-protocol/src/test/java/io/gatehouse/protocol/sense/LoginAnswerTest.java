package io.gatehouse.protocol.sense;

import static io.gatehouse.protocol.Fixtures.decode;
import static io.gatehouse.protocol.Fixtures.written;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.protocol.Decoded;
import io.gatehouse.protocol.MessageKind;
import org.junit.jupiter.api.Test;

/** The login answer: the JWT in {@code data.token}; a wrong password is an envelope with code 1001. */
class LoginAnswerTest {

    @Test
    void readsTheToken() throws Exception {
        String json = "{\"code\":200,\"msg\":\"OK\",\"data\":{\"token\":\"eyJhbGciOiJIUzI1NiJ9.e30.sig\"}}";
        LoginAnswer answer = decode(json, LoginAnswer.class);

        assertThat(answer.token()).isEqualTo("eyJhbGciOiJIUzI1NiJ9.e30.sig");
        assertThat(answer).asString().doesNotContain("eyJ");
        assertThat(written(answer)).isEqualTo(json);
    }

    @Test
    void aWrongPasswordIsAPlainEnvelope() throws Exception {
        Decoded d = decode("{\"code\":1001,\"msg\":\"wrong password\",\"data\":null}");

        assertThat(d.dialect().kind()).isEqualTo(MessageKind.ENVELOPE);
        assertThat(((SenseEnvelope) d.message()).resultCode()).isEqualTo(ResultCode.WRONG_PASSWORD);
    }
}
