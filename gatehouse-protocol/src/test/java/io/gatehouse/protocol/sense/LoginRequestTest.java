package io.gatehouse.protocol.sense;

import static io.gatehouse.protocol.Fixtures.compact;
import static io.gatehouse.protocol.Fixtures.decode;
import static io.gatehouse.protocol.Fixtures.sample;
import static io.gatehouse.protocol.Fixtures.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code POST /v1/auth/login}: validTime in minutes, 1..1440, 5 by default. */
class LoginRequestTest {

    @Test
    void readsTheLoginSample() throws Exception {
        String json = sample("sense-login-request.json");
        LoginRequest login = decode(json, LoginRequest.class);

        assertThat(login.username()).isEqualTo("admin");
        assertThat(login.password()).isEqualTo("pwd");
        assertThat(login.effectiveValidMinutes()).isEqualTo(5);
        assertThat(written(login)).isEqualTo(compact(json));
    }

    @Test
    void validTimeOutsideItsRangeIsRefusedAndThePasswordNeverPrinted() {
        assertThat(new LoginRequest("admin", "s3cret", null).effectiveValidMinutes()).isEqualTo(5);
        assertThat(new LoginRequest("admin", "s3cret", 1440).effectiveValidMinutes()).isEqualTo(1440);
        assertThat(new LoginRequest("admin", "s3cret", 1441).effectiveValidMinutes()).isEqualTo(-1);
        assertThat(new LoginRequest("admin", "s3cret", 0).effectiveValidMinutes()).isEqualTo(-1);
        assertThat(new LoginRequest("admin", "s3cret", 5)).asString().doesNotContain("s3cret");
    }

    @Test
    void usernameAndPasswordAreRequired() {
        assertThatThrownBy(() -> decode("{\"username\":\"admin\",\"password\":null}"))
                .hasMessage("password: required field is missing");
    }
}
