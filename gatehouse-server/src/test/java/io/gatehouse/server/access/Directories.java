package io.gatehouse.server.access;

/** A small directory in the admin API's JSON, as an operator would import it. */
final class Directories {
    private Directories() {
    }

    /** One site in Berlin, a door open around the clock for staff, a fail-open escape door, two people. */
    static final String OFFICE = """
            {"sites": [{"id": "hq", "name": "Head office", "zone": "Europe/Berlin", "settings": {"minScore": 0.8}}],
             "groups": [{"id": "staff", "name": "Staff"}],
             "schedules": [{"id": "always", "name": "Always",
                            "weekly": [{"days": ["mon","tue","wed","thu","fri","sat","sun"], "from": "00:00", "until": "24:00"}]}],
             "doors": [{"id": "main", "name": "Main entrance", "siteId": "hq", "deviceSerial": "PSC-MAIN"},
                       {"id": "escape", "name": "Escape route", "siteId": "hq", "deviceSerial": "PSC-ESC",
                        "settings": {"failMode": "fail-open"}}],
             "people": [{"id": "anna", "name": "Anna", "type": "employee", "groupIds": ["staff"], "cards": ["C-1"]},
                        {"id": "carl", "name": "Carl", "type": "employee"}],
             "rules": [{"id": "staff-main", "groupId": "staff", "doorId": "main", "scheduleId": "always"},
                       {"id": "staff-escape", "groupId": "staff", "doorId": "escape"}]}
            """;
}
