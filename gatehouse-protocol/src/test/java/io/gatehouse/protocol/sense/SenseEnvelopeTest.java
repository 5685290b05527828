package io.gatehouse.protocol.sense;

import static io.gatehouse.protocol.Fixtures.compact;
import static io.gatehouse.protocol.Fixtures.decode;
import static io.gatehouse.protocol.Fixtures.written;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import io.gatehouse.protocol.Decoded;
import org.junit.jupiter.api.Test;

/** The {code, msg, data} answer every terminal endpoint shares; seed 000's examples have data null and {}. */
class SenseEnvelopeTest {

    @Test
    void readsSeed000sAnswersWithNullAndEmptyData() throws Exception {
        String withNull = """
                {

                    "code": 200,
                    "msg": "OK",
                    "data":null
                }""";
        String withEmpty = "{\n\"code\": 200,\n\n\"msg\": \"OK\",\n\n\"data\": {\n\n}\n\n}";

        SenseEnvelope a = decode(withNull, SenseEnvelope.class);
        SenseEnvelope b = decode(withEmpty, SenseEnvelope.class);

        assertThat(a.isOk()).isTrue();
        assertThat(a.data()).isEqualTo(NullNode.instance);
        assertThat(b.data().isObject()).isTrue();
        assertThat(written(a)).isEqualTo(compact(withNull));
        assertThat(written(b)).isEqualTo(compact(withEmpty));
    }

    @Test
    void everyDocumentedResultCodeIsKnownAndAnotherIsKeptAndNoted() throws Exception {
        assertThat(ResultCode.of(0)).isEqualTo(ResultCode.UNDEFINED_ERROR);
        assertThat(ResultCode.of(401)).isEqualTo(ResultCode.UNAUTHORIZED);
        assertThat(ResultCode.of(404)).isEqualTo(ResultCode.NOT_FOUND);
        assertThat(ResultCode.of(500)).isEqualTo(ResultCode.INTERNAL_ERROR);
        assertThat(ResultCode.of(1000)).isEqualTo(ResultCode.ACCOUNT_NOT_FOUND);

        Decoded d = decode("{\"code\":1002,\"msg\":\"locked\",\"data\":null}");
        assertThat(((SenseEnvelope) d.message()).resultCode()).isNull();
        assertThat(d.notes()).containsExactly("code: undocumented result code 1002 kept");
    }

    @Test
    void writesErrors() {
        assertThat(written(SenseEnvelope.error(ResultCode.UNAUTHORIZED, "Unauthorized")))
                .isEqualTo("{\"code\":401,\"msg\":\"Unauthorized\",\"data\":null}");
    }
}
