package io.gatehouse.protocol.sense;

import static io.gatehouse.protocol.Fixtures.compact;
import static io.gatehouse.protocol.Fixtures.decode;
import static io.gatehouse.protocol.Fixtures.sample;
import static io.gatehouse.protocol.Fixtures.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The server's verdict on a remote-authorization request: {code, msg, data: {pass, customtips, ...}}. */
class RemoteAuthAnswerTest {

    @Test
    void readsTheAnswerSample() throws Exception {
        String json = sample("sense-remote-auth-answer.json");
        RemoteAuthAnswer a = decode(json, RemoteAuthAnswer.class);

        assertThat(a.code()).isEqualTo(200);
        assertThat(a.msg()).isEqualTo("OK");
        assertThat(a.pass()).isFalse();
        assertThat(a.customTips()).isEqualTo("不在通行时间");
        assertThat(a.userId()).isEqualTo("111");
        assertThat(a.userName()).isEqualTo("xxx");
        assertThat(a.verifyCodeKnown()).isEqualTo(VerifyCode.OUTSIDE_ALLOWED_TIME);
        assertThat(written(a)).isEqualTo(compact(json));
    }

    @Test
    void everyVerifyCodeIsKnown() {
        assertThat(VerifyCode.of(1)).isEqualTo(VerifyCode.NOT_ACTIVATED);
        assertThat(VerifyCode.of(2)).isEqualTo(VerifyCode.RECOGNIZED);
        assertThat(VerifyCode.of(3)).isEqualTo(VerifyCode.NO_PERMISSION);
        assertThat(VerifyCode.of(4)).isEqualTo(VerifyCode.MATCH_FAILED);
        assertThat(VerifyCode.of(6)).isNull();
    }

    @Test
    void writesAnOpeningAnswerWithWiegandCardAndScore() {
        RemoteAuthAnswer a = new RemoteAuthAnswer(200, "OK", true, "欢迎", "5", "王五", "12345", 0.93, 2);

        assertThat(written(a)).isEqualTo(compact("""
                {"code":200,"msg":"OK","data":{"pass":true,"customtips":"欢迎","user_id":"5","user_name":"王五",
                 "ic_number":"12345","verify_score":0.93,"verify_code":2}}"""));
        assertThat(written(RemoteAuthAnswer.of(false, null, null, null, VerifyCode.NO_PERMISSION)))
                .isEqualTo("{\"code\":200,\"msg\":\"OK\",\"data\":{\"pass\":false,\"verify_code\":3}}");
    }

    @Test
    void passIsRequired() {
        assertThatThrownBy(() -> RemoteAuthAnswer.read(io.gatehouse.protocol.json.FieldReader.root(
                io.gatehouse.protocol.json.Json.standard().parse("{\"code\":200,\"msg\":\"OK\",\"data\":{\"verify_code\":2}}"),
                new io.gatehouse.protocol.json.Notes())))
                .hasMessage("data.pass: required field is missing");
    }
}
