package io.gatehouse.protocol.sense;

import static io.gatehouse.protocol.Fixtures.compact;
import static io.gatehouse.protocol.Fixtures.decode;
import static io.gatehouse.protocol.Fixtures.written;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.protocol.Decoded;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A page of {@code /v1/event/records}: the envelope with {offset, limit, count, total, items}. */
class RecordsPageTest {
    static final String PAGE = """
            {"code":200,"msg":"OK","data":{"offset":0,"limit":2,"count":2,"total":7,"items":[
              {"deviceSN":"PSC700C0MC22F02542","recognitionType":1,"entry_mode":1,"abnormal_type":0,"uuid":"u-1",
               "recognizeScore":0.93,"mask":0,"mode":10,"rgb_image":"","bodyTemperature":0.0,"pass":true,
               "timestamp":1767225600,"user":{"name":"王五","user_id":"5","type":1}},
              {"deviceSN":"PSC700C0MC22F02542","recognitionType":3,"entry_mode":1,"abnormal_type":0,"uuid":"u-2",
               "recognizeScore":0.41,"mask":1,"mode":3,"rgb_image":"","bodyTemperature":0.0,"pass":false,
               "timestamp":1767225660,"user":{}}]}}""";

    @Test
    void readsAPageOfBareRecords() throws Exception {
        Decoded d = decode(PAGE);
        RecordsPage page = (RecordsPage) d.message();

        assertThat(page.total()).isEqualTo(7);
        assertThat(page.count()).isEqualTo(2);
        assertThat(page.items()).extracting(SenseRecognition::uuid).containsExactly("u-1", "u-2");
        assertThat(page.items().get(1).user().isEmpty()).isTrue();
        assertThat(page.dialect()).hasToString("sense records-page v1.3.0");
        // history has shown mode 10, which no table documents
        assertThat(d.notes()).containsExactly("data.items[0].mode: verification mode 10 is undocumented in v1.3.0, kept");
        assertThat(written(page)).isEqualTo(compact(PAGE));
    }

    @Test
    void anEmptyPage() throws Exception {
        RecordsPage page = decode("{\"code\":200,\"msg\":\"OK\",\"data\":{\"offset\":0,\"limit\":100,\"total\":0,\"items\":[]}}",
                RecordsPage.class);

        assertThat(page.count()).isZero();
        assertThat(written(RecordsPage.of(0, 100, 0, List.of())))
                .isEqualTo("{\"code\":200,\"msg\":\"OK\",\"data\":{\"offset\":0,\"limit\":100,\"count\":0,\"total\":0,\"items\":[]}}");
    }
}
