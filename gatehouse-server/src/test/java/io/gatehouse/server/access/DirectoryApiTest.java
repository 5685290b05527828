package io.gatehouse.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The directory's admin API: CRUD, bulk import and export, and a clear 4xx for every bad request. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryApiTest {
    private AccessHarness hub;

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        hub = new AccessHarness(data, AccessConfig.defaults()).loaded();
        assertThat(hub.post("/api/access/import", "application/json", Directories.OFFICE).json().get("accepted").asInt())
                .isEqualTo(9);
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
    }

    @Test
    void anEntryIsCreatedReplacedReadListedAndDeleted() throws Exception {
        var created = hub.put("/api/access/groups/cleaners", "{\"name\": \"Cleaners\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("id").asText()).isEqualTo("cleaners");

        assertThat(hub.put("/api/access/groups/cleaners", "{\"id\": \"cleaners\", \"name\": \"Cleaning crew\"}").status())
                .isEqualTo(200);
        assertThat(hub.get("/api/access/groups/cleaners").json().get("name").asText()).isEqualTo("Cleaning crew");
        List<String> ids = new ArrayList<>();
        hub.get("/api/access/groups?limit=1000").json().get("items").forEach(g -> ids.add(g.get("id").asText()));
        assertThat(ids).contains("cleaners", "staff").isSorted();
        JsonNode page = hub.get("/api/access/groups?limit=1&offset=1").json();
        assertThat(page.get("total").asInt()).isEqualTo(ids.size());
        assertThat(page.get("items")).singleElement().satisfies(g -> assertThat(g.get("id").asText()).isEqualTo(ids.get(1)));

        assertThat(hub.send("DELETE", "/api/access/groups/cleaners", null, null).status()).isEqualTo(204);
        assertThat(hub.get("/api/access/groups/cleaners").status()).isEqualTo(404);
    }

    @Test
    void aScheduleKeepsItsWeeklyWindowsAndHolidays() throws Exception {
        String schedule = """
                {"name": "Office hours",
                 "weekly": [{"days": ["mon", "tue", "wed", "thu", "fri"], "from": "08:00", "until": "18:00"}],
                 "exceptions": [{"date": "2026-12-25", "name": "Christmas", "windows": []},
                                {"date": "2026-12-24", "windows": [{"from": "08:00", "until": "12:00"}]}]}
                """;
        assertThat(hub.put("/api/access/schedules/office", schedule).status()).isEqualTo(201);
        JsonNode stored = hub.get("/api/access/schedules/office").json();
        assertThat(stored.get("weekly").get(0).get("days").toString()).isEqualTo("[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\"]");
        assertThat(stored.get("exceptions").get(1).get("windows").get(0).get("until").asText()).isEqualTo("12:00");
    }

    @Test
    void somethingStillNamedCannotBeDeleted() throws Exception {
        var refused = hub.send("DELETE", "/api/access/groups/staff", null, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("reason").asText()).contains("person \"anna\"").contains("rule \"staff-main\"");
    }

    @Test
    void aCsvImportAppliesTheGoodRowsAndReportsEachBadOne() throws Exception {
        String csv = """
                id,name,type,cards,groupIds,validFrom,validUntil
                v1,Vera,visitor,,staff,2026-03-02T09:00:00Z,2026-03-02T16:00:00Z
                v2,Victor,visitor,,nosuchgroup,,
                v3,Valentin,tourist,,,,
                v4,Vanessa,visitor,C-1,,,
                v5,Viktor,visitor,,,2026-03-02T16:00:00Z,2026-03-02T09:00:00Z
                v1,Vera again,visitor,,,,
                "v 6",Space,employee,,,,
                v7,"Wang, 小明",employee,C-7|C-8,staff,,
                """;
        JsonNode report = hub.post("/api/access/import/people", "text/csv", csv).json();

        assertThat(report.get("accepted").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").toString()).isEqualTo("""
                [{"kind":"people","row":2,"field":"groupIds[0]","reason":"no group with id \\"nosuchgroup\\""},\
                {"kind":"people","row":3,"field":"type","reason":"expected one of [employee, visitor, blacklisted]"},\
                {"kind":"people","row":4,"field":"cards[0]","reason":"already the card of person \\"anna\\""},\
                {"kind":"people","row":5,"field":"validUntil","reason":"is before validFrom"},\
                {"kind":"people","row":6,"field":"id","reason":"same id as row 1 of this import"},\
                {"kind":"people","row":7,"field":"id","reason":"an id is 1 to 128 letters, digits or . _ : @ + -"}]""");
        JsonNode wang = hub.get("/api/access/people/v7").json();
        assertThat(wang.get("name").asText()).isEqualTo("Wang, 小明");
        assertThat(wang.get("cards").toString()).isEqualTo("[\"C-7\",\"C-8\"]");
    }

    @Test
    void aSpreadsheetsCsvWithByteOrderMarkAndCrLfImports() throws Exception {
        JsonNode report = hub.post("/api/access/import/groups", "text/csv; charset=utf-8",
                "\uFEFFid,name\r\nexcel-1,From Excel\r\nexcel-2,\"Quoted, with comma\"\r\n").json();
        assertThat(report.get("rejected")).isEmpty();
        assertThat(report.get("accepted").asInt()).isEqualTo(2);
        assertThat(hub.get("/api/access/groups/excel-2").json().get("name").asText()).isEqualTo("Quoted, with comma");
    }

    @Test
    void aDryRunReportsButChangesNothing() throws Exception {
        JsonNode report = hub.post("/api/access/import/groups?dryRun=true", "application/json",
                "[{\"id\": \"dry\"}, {\"id\": \"\"}, 42]").json();
        assertThat(report.get("accepted").asInt()).isEqualTo(1);
        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("rejected")).hasSize(2);
        assertThat(hub.get("/api/access/groups/dry").status()).isEqualTo(404);
    }

    @Test
    void csvExportReadsBackAsTheSameDirectory() throws Exception {
        var export = hub.get("/api/access/export/doors?format=csv");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body().lines().findFirst().orElseThrow()).isEqualTo(
                "id,name,siteId,deviceSerial,cameraId,zone,settings.minScore,settings.maxTemperature,"
                        + "settings.maskRequired,settings.failMode,settings.language");
        assertThat(export.body()).contains("escape,\"Escape route\",hq,PSC-ESC,,,,,,fail-open,");

        JsonNode reimport = hub.post("/api/access/import/doors", "text/csv", export.body()).json();
        assertThat(reimport.get("accepted").asInt()).isEqualTo(2);
        assertThat(reimport.get("rejected")).isEmpty();
        assertThat(hub.get("/api/access/doors/escape").json().get("settings").get("failMode").asText()).isEqualTo("fail-open");
    }

    @Test
    void aCsvExportNeverHandsASpreadsheetAFormulaAndStillReadsBack() throws Exception {
        String csv = """
                id,name,type
                f1,"=HYPERLINK(""http://evil.example"",""click"")",visitor
                f2,@SUM(A1),employee
                f3,-2+3,employee
                f4,'plain quote,employee
                """;
        assertThat(hub.post("/api/access/import/people", "text/csv", csv).json().get("accepted").asInt()).isEqualTo(4);
        assertThat(hub.get("/api/access/people/f1").json().get("name").asText())
                .isEqualTo("=HYPERLINK(\"http://evil.example\",\"click\")");

        String export = hub.get("/api/access/export/people?format=csv").body();
        assertThat(export).contains("f1,\"'=HYPERLINK(", "f2,\"'@SUM(A1)\",", "f3,\"'-2+3\",",
                "f4,\"'plain quote\",");

        hub.post("/api/access/import/people", "text/csv", export.replace("employee", "visitor"));
        assertThat(hub.get("/api/access/people/f2").json().get("name").asText()).isEqualTo("@SUM(A1)");
        assertThat(hub.get("/api/access/people/f3").json().get("name").asText()).isEqualTo("-2+3");
        assertThat(hub.get("/api/access/people/f4").json().get("name").asText()).isEqualTo("'plain quote");
        assertThat(hub.get("/api/access/people/f3").json().get("type").asText()).isEqualTo("visitor");
    }

    @Test
    void theWholeDirectoryExportsAsOneDocument() throws Exception {
        JsonNode document = hub.get("/api/access/export").json();
        assertThat(document.fieldNames()).toIterable()
                .containsExactly("sites", "groups", "schedules", "doors", "people", "rules", "passbacks");
        assertThat(document.get("sites").get(0).get("zone").asText()).isEqualTo("Europe/Berlin");
    }

    @Test
    void tipsCanBeOverriddenPerLanguage() throws Exception {
        var put = hub.put("/api/access/tips", "{\"de\": {\"ALLOWED\": \"Hallo {name}\"}}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("overrides").get("de").get("ALLOWED").asText()).isEqualTo("Hallo {name}");
        assertThat(put.json().get("builtIn").get("zh").get("OUTSIDE_SCHEDULE").asText()).isEqualTo("不在通行时间");
    }

    record Hostile(String says, String method, String path, String contentType, String body, int status, String field) {
        @Override
        public String toString() {
            return says;
        }
    }

    static Stream<Hostile> hostile() {
        String deep = "[".repeat(100) + "]".repeat(100);
        return Stream.of(
                new Hostile("unknown kind", "GET", "/api/access/aliens", null, null, 404, "kind"),
                new Hostile("unknown path", "GET", "/api/access/people/anna/extra", null, null, 404, "path"),
                new Hostile("id with a slash-like character", "PUT", "/api/access/groups/a%2Fb", "application/json", "{}", 400, "id"),
                new Hostile("id of 129 characters", "PUT", "/api/access/groups/" + "x".repeat(129), "application/json", "{}", 400, "id"),
                new Hostile("not JSON", "PUT", "/api/access/groups/g", "application/json", "{name:", 400, "body"),
                new Hostile("empty body", "PUT", "/api/access/groups/g", "application/json", "", 400, "body"),
                new Hostile("an array instead of an object", "PUT", "/api/access/groups/g", "application/json", "[]", 400, "body"),
                new Hostile("nesting too deep", "PUT", "/api/access/groups/g", "application/json", deep, 400, "body"),
                new Hostile("duplicate key", "PUT", "/api/access/groups/g", "application/json", "{\"name\":\"a\",\"name\":\"b\"}", 400, "body"),
                new Hostile("body id differs from path", "PUT", "/api/access/groups/g", "application/json", "{\"id\":\"h\"}", 400, "id"),
                new Hostile("unknown field (a typo)", "PUT", "/api/access/people/p", "application/json", "{\"type\":\"visitor\",\"validUnitl\":\"2026-01-01T00:00:00Z\"}", 400, "validUnitl"),
                new Hostile("missing type", "PUT", "/api/access/people/p", "application/json", "{\"name\":\"P\"}", 400, "type"),
                new Hostile("a number where an instant belongs", "PUT", "/api/access/people/p", "application/json", "{\"type\":\"visitor\",\"validFrom\":17}", 400, "validFrom"),
                new Hostile("name with a control character", "PUT", "/api/access/groups/g", "application/json", "{\"name\":\"a\\u0007b\"}", 400, "name"),
                new Hostile("name of 201 characters", "PUT", "/api/access/groups/g", "application/json", "{\"name\":\"" + "n".repeat(201) + "\"}", 400, "name"),
                new Hostile("groupIds not an array", "PUT", "/api/access/people/p", "application/json", "{\"type\":\"employee\",\"groupIds\":\"staff\"}", 400, "groupIds"),
                new Hostile("a door without a site", "PUT", "/api/access/doors/d", "application/json", "{\"deviceSerial\":\"S\"}", 400, "siteId"),
                new Hostile("a door at a site that does not exist", "PUT", "/api/access/doors/d", "application/json", "{\"siteId\":\"nowhere\",\"deviceSerial\":\"S\"}", 400, "siteId"),
                new Hostile("a second door on the same terminal", "PUT", "/api/access/doors/d", "application/json", "{\"siteId\":\"hq\",\"deviceSerial\":\"PSC-MAIN\"}", 409, "deviceSerial"),
                new Hostile("a zone that does not exist", "PUT", "/api/access/sites/s", "application/json", "{\"zone\":\"Mars/Olympus\"}", 400, "zone"),
                new Hostile("a score threshold above 1", "PUT", "/api/access/sites/s", "application/json", "{\"zone\":\"UTC\",\"settings\":{\"minScore\":80}}", 400, "settings.minScore"),
                new Hostile("an unknown fail-mode", "PUT", "/api/access/sites/s", "application/json", "{\"zone\":\"UTC\",\"settings\":{\"failMode\":\"maybe\"}}", 400, "settings.failMode"),
                new Hostile("NaN as a temperature", "PUT", "/api/access/sites/s", "application/json", "{\"zone\":\"UTC\",\"settings\":{\"maxTemperature\":\"NaN\"}}", 400, "settings.maxTemperature"),
                new Hostile("a rule for a person and a group", "PUT", "/api/access/rules/r", "application/json", "{\"personId\":\"anna\",\"groupId\":\"staff\",\"doorId\":\"main\"}", 400, "personId"),
                new Hostile("a rule for nobody", "PUT", "/api/access/rules/r", "application/json", "{\"doorId\":\"main\"}", 400, "personId"),
                new Hostile("a rule with an unknown schedule", "PUT", "/api/access/rules/r", "application/json", "{\"groupId\":\"staff\",\"doorId\":\"main\",\"scheduleId\":\"never\"}", 400, "scheduleId"),
                new Hostile("a window that runs backwards", "PUT", "/api/access/schedules/s", "application/json", "{\"weekly\":[{\"days\":[\"mon\"],\"from\":\"18:00\",\"until\":\"08:00\"}]}", 400, "weekly[0].until"),
                new Hostile("25:00 is no time", "PUT", "/api/access/schedules/s", "application/json", "{\"weekly\":[{\"days\":[\"mon\"],\"from\":\"08:00\",\"until\":\"25:00\"}]}", 400, "weekly[0].until"),
                new Hostile("a day that does not exist", "PUT", "/api/access/schedules/s", "application/json", "{\"weekly\":[{\"days\":[\"funday\"],\"from\":\"08:00\",\"until\":\"09:00\"}]}", 400, "weekly[0].days[0]"),
                new Hostile("the same holiday twice", "PUT", "/api/access/schedules/s", "application/json", "{\"exceptions\":[{\"date\":\"2026-12-25\"},{\"date\":\"2026-12-25\"}]}", 400, "exceptions"),
                new Hostile("an anti-passback pair of one door", "PUT", "/api/access/passbacks/p", "application/json", "{\"entryDoorId\":\"main\",\"exitDoorId\":\"main\"}", 400, "exitDoorId"),
                new Hostile("a tip for an unknown outcome", "PUT", "/api/access/tips", "application/json", "{\"en\":{\"MAYBE\":\"x\"}}", 400, "en.MAYBE"),
                new Hostile("a tip that is not text", "PUT", "/api/access/tips", "application/json", "{\"en\":{\"ALLOWED\":5}}", 400, "en.ALLOWED"),
                new Hostile("CSV with an unknown column", "POST", "/api/access/import/people", "text/csv", "id,nickname\np,P\n", 400, "nickname"),
                new Hostile("CSV with an unclosed quote", "POST", "/api/access/import/people", "text/csv", "id,name,type\np,\"P,employee\n", 400, "body"),
                new Hostile("CSV with a row longer than the header", "POST", "/api/access/import/groups", "text/csv", "id,name\ng,G,extra,more\n", 400, "body"),
                new Hostile("schedules have no CSV form", "POST", "/api/access/import/schedules", "text/csv", "id\ns\n", 415, "format"),
                new Hostile("an import of XML", "POST", "/api/access/import/people", "application/xml", "<people/>", 415, "Content-Type"),
                new Hostile("an import object instead of an array", "POST", "/api/access/import/people", "application/json", "{}", 400, "body"),
                new Hostile("a whole-directory import with an unknown kind", "POST", "/api/access/import", "application/json", "{\"aliens\":[]}", 400, "aliens"),
                new Hostile("an export in an unknown format", "GET", "/api/access/export/people?format=xls", null, null, 400, "format"),
                new Hostile("a negative offset", "GET", "/api/access/people?offset=-1", null, null, 400, "offset"),
                new Hostile("a limit of a million", "GET", "/api/access/people?limit=1000000", null, null, 400, "limit"),
                new Hostile("dryRun that is not a boolean", "POST", "/api/access/import/groups?dryRun=yes", "application/json", "[]", 400, "dryRun"),
                new Hostile("a decision filter that does not exist", "GET", "/api/access/decisions?colour=red", null, null, 400, "colour"),
                new Hostile("a decision filter with a bad instant", "GET", "/api/access/decisions?from=yesterday", null, null, 400, "from"),
                new Hostile("a decision filter with an unknown step", "GET", "/api/access/decisions?step=MAGIC", null, null, 400, "step"),
                new Hostile("a decision page of zero", "GET", "/api/access/decisions?limit=0", null, null, 400, "limit"),
                new Hostile("a delete of nothing", "DELETE", "/api/access/people/nobody", null, null, 404, "id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void badRequestsGetTheFieldAndTheReason(Hostile h) throws Exception {
        var reply = hub.send(h.method(), h.path(), h.contentType(), h.body());
        assertThat(reply.status()).as(reply.body()).isEqualTo(h.status());
        JsonNode error = reply.json();
        assertThat(error.get("field").asText()).as(reply.body()).isEqualTo(h.field());
        assertThat(error.get("reason").asText()).isNotBlank();
        // and nothing else was lost: the directory still answers
        assertThat(hub.get("/api/access/people/anna").status()).isEqualTo(200);
    }

    @Test
    void anOversizedBodyIsRefusedWholesale() throws Exception {
        String huge = "[" + " ".repeat((32 << 20) + 1) + "]";
        var reply = hub.post("/api/access/import/groups", "application/json", huge);
        assertThat(reply.status()).isEqualTo(413);
    }
}
