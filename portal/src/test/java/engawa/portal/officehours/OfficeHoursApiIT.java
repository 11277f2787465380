package engawa.portal.officehours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.property.RecurrenceId;
import engawa.portal.people.ApiTokenService;
import engawa.portal.support.ApiClient;
import engawa.portal.support.MutableClock;
import engawa.portal.support.PortalTest;
import engawa.portal.support.Receiver;
import engawa.portal.support.SignedIn;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.StreamSupport;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Office hours through the REST API on the real database: series across daylight saving, bad
 * input, seats and the waitlist, what hosts may do, reminders exactly once, and calendar files
 * read back with biweekly (a second iCalendar library, not the one that wrote them).
 */
@PortalTest
class OfficeHoursApiIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    SignedIn signedIn;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    SessionReminders reminders;
    @Autowired
    SignupService wishSuggestions;

    ApiClient api;
    String yuki;
    String hana;
    String sam;
    String kenji;
    final Receiver receiver = new Receiver();

    @BeforeEach
    void tokens() {
        api = new ApiClient(port);
        yuki = token("yuki");
        hana = token("hana");
        sam = token("sam");
        kenji = token("kenji");
    }

    String token(String who) {
        return signedIn.as(who, "MEMBER", () -> tokens.create(who, "office-hours-it", null)).token();
    }

    @AfterEach
    void stop() {
        receiver.close();
        jdbc.update("UPDATE webhook_subscriptions SET deleted_at = now() WHERE target_url LIKE ?", receiver.url("") + "%");
    }

    /** A session starting {@code inHours} from the portal's now, as wall-clock time in Tokyo. */
    JsonNode create(String token, String extra, long inHours) throws Exception {
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(inHours)), ZoneId.of("Asia/Tokyo"))
                .truncatedTo(ChronoUnit.MINUTES);
        HttpResponse<String> created = api.send("POST", "/api/v1/sessions", token, """
                {"title": "Automate your inbox", "description": "Bring **one** chore.", "topics": ["Zapier"],
                 "room": "Room Sakura", "timeZone": "Asia/Tokyo", "start": "%s", "end": "%s" %s}"""
                .formatted(LOCAL.format(start), LOCAL.format(start.plusHours(1)), extra));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body());
    }

    JsonNode signUp(String sessionId, String token, String body, int status) throws Exception {
        HttpResponse<String> answer = api.send("POST", "/api/v1/sessions/" + sessionId + "/signups", token, body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return json.readTree(answer.body());
    }

    @Test
    void a_weekly_series_keeps_its_berlin_wall_clock_time_across_daylight_saving() throws Exception {
        HttpResponse<String> created = api.send("POST", "/api/v1/sessions", yuki, """
                {"title": "Berlin open door", "kind": "drop-in", "videoUrl": "https://meet.example.com/berlin",
                 "timeZone": "Europe/Berlin", "start": "2027-03-18T10:00", "end": "2027-03-18T11:00",
                 "recurrence": "FREQ=WEEKLY;COUNT=34"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode first = json.readTree(created.body());
        assertThat(first.get("recurrence").asString()).isEqualTo("FREQ=WEEKLY;INTERVAL=1;COUNT=34");

        JsonNode page = json.readTree(api.send("GET", "/api/v1/sessions?from=2027-03-01&to=2027-12-31&host=yuki&size=100", yuki,
                null).body());
        List<JsonNode> dates = StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(s -> s.get("title").asString().equals("Berlin open door")).toList();
        assertThat(dates).hasSize(34).allSatisfy(s -> assertThat(s.get("start").asString()).endsWith("T10:00:00"));
        // the instant moves with the offset: 09:00 UTC in March, 08:00 UTC in summer, 09:00 again in November
        assertThat(dates.get(0).get("startsAt").asString()).isEqualTo("2027-03-18T09:00:00Z");
        assertThat(dates.get(2).get("startsAt").asString()).isEqualTo("2027-04-01T08:00:00Z");
        assertThat(dates.getLast().get("startsAt").asString()).isEqualTo("2027-11-04T09:00:00Z");
    }

    @Test
    void bad_input_names_every_field_to_fix_and_saves_nothing() throws Exception {
        long before = jdbc.queryForObject("SELECT count(*) FROM office_series", Long.class);
        HttpResponse<String> refused = api.send("POST", "/api/v1/sessions", yuki, """
                {"title": " ", "kind": "seated", "capacity": 0, "timeZone": "Mars/Olympus",
                 "start": "2027-01-10T10:00", "end": "2027-01-10T09:00"}""");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        JsonNode problem = json.readTree(refused.body());
        assertThat(fields(problem)).contains("title", "capacity", "room", "timeZone");
        assertThat(refused.body()).contains("Mars/Olympus").contains("between 1 and 10,000 seats");

        HttpResponse<String> past = api.send("POST", "/api/v1/sessions", yuki, """
                {"title": "Yesterday", "room": "A", "timeZone": "Asia/Tokyo", "start": "2020-01-10T10:00", "end": "2020-01-10T11:00"}""");
        assertThat(fields(json.readTree(past.body()))).containsExactly("start");
        HttpResponse<String> backwards = api.send("POST", "/api/v1/sessions", yuki, """
                {"title": "Backwards", "room": "A", "timeZone": "Asia/Tokyo", "start": "2030-01-10T10:00", "end": "2030-01-10T09:00"}""");
        assertThat(json.readTree(backwards.body()).get("errors").get(0).get("message").asString())
                .isEqualTo("The end must come after the start.");
        HttpResponse<String> daily = api.send("POST", "/api/v1/sessions", yuki, """
                {"title": "Daily", "room": "A", "timeZone": "Asia/Tokyo", "start": "2030-01-10T10:00", "end": "2030-01-10T11:00",
                 "recurrence": "FREQ=DAILY;COUNT=5"}""");
        assertThat(fields(json.readTree(daily.body()))).containsExactly("recurrence");
        HttpResponse<String> ghosts = api.send("POST", "/api/v1/sessions", yuki, """
                {"title": "Ghost host", "room": "A", "timeZone": "Asia/Tokyo", "start": "2030-01-10T10:00", "end": "2030-01-10T11:00",
                 "hosts": ["nobody-here"], "recipes": ["no-such-recipe"]}""");
        assertThat(ghosts.statusCode()).isEqualTo(422);
        assertThat(ghosts.body()).contains("nobody-here");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM office_series", Long.class)).isEqualTo(before);

        // a change with an unknown zone is refused the same way and changes nothing
        JsonNode session = create(yuki, "", 60);
        HttpResponse<String> changed = api.send("PUT", "/api/v1/sessions/" + session.get("id").asString(), yuki, """
                {"title": "Renamed", "room": "A", "timeZone": "Mars/Olympus", "start": "2030-01-10T10:00", "end": "2030-01-10T11:00"}""");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(422);
        assertThat(fields(json.readTree(changed.body()))).containsExactly("timeZone");
        assertThat(json.readTree(api.send("GET", "/api/v1/sessions/" + session.get("id").asString(), yuki, null).body())
                .get("title").asString()).isEqualTo("Automate your inbox");
    }

    @Test
    void a_full_session_waitlists_in_order_and_a_cancellation_promotes_the_next_in_line() throws Exception {
        HttpResponse<String> hook = api.send("POST", "/api/v1/hooks", hana,
                "{\"event\": \"session.waitlist.promoted\", \"target_url\": \"" + receiver.url("/promoted") + "\"}");
        assertThat(hook.statusCode()).as("a member subscribes to their own session events").isEqualTo(201);
        String id = create(yuki, ", \"kind\": \"seated\", \"capacity\": 2", 48).get("id").asString();

        assertThat(signUp(id, sam, "{\"wish\": \"Expense reports\"}", 201).get("status").asString()).isEqualTo("confirmed");
        assertThat(signUp(id, kenji, null, 201).get("status").asString()).isEqualTo("confirmed");
        JsonNode waiting = signUp(id, hana, "{\"wish\": \"The weekly sales report\"}", 201);
        assertThat(waiting.get("status").asString()).isEqualTo("waitlisted");
        assertThat(waiting.get("position").asInt()).isEqualTo(1);
        HttpResponse<String> twice = api.send("POST", "/api/v1/sessions/" + id + "/signups", hana, "{}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("already on this session's waitlist");

        JsonNode seen = json.readTree(api.send("GET", "/api/v1/sessions/" + id, hana, null).body());
        assertThat(seen.get("myStatus").asString()).isEqualTo("waitlisted");
        assertThat(seen.get("myPosition").asInt()).isEqualTo(1);
        assertThat(seen.get("seatsLeft").asInt()).isZero();

        assertThat(api.send("DELETE", "/api/v1/sessions/" + id + "/signups/me", sam, null).statusCode()).isEqualTo(204);
        JsonNode after = json.readTree(api.send("GET", "/api/v1/sessions/" + id, hana, null).body());
        assertThat(after.get("myStatus").asString()).isEqualTo("confirmed");
        assertThat(after.get("confirmed").asInt()).isEqualTo(2);
        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
        JsonNode event = json.readTree(receiver.received().getFirst().getBody().utf8());
        assertThat(event.get("type").asString()).isEqualTo("session.waitlist.promoted");
        assertThat(event.get("data").get("attendee").get("username").asString()).isEqualTo("hana");
        assertThat(event.get("data").get("session").get("id").asString()).isEqualTo(id);

        // hosts see what people want to automate, in order; nobody else does
        JsonNode people = json.readTree(api.send("GET", "/api/v1/sessions/" + id + "/signups", yuki, null).body());
        assertThat(people.get("items").findValuesAsString("username")).containsExactly("kenji", "hana");
        assertThat(people.get("items").get(1).get("wish").asString()).isEqualTo("The weekly sales report");
        assertThat(api.send("GET", "/api/v1/sessions/" + id + "/signups", sam, null).statusCode()).isEqualTo(403);
        assertThat(api.send("DELETE", "/api/v1/sessions/" + id + "/signups/me", sam, null).statusCode()).isEqualTo(404);
    }

    @Test
    void only_admins_sign_other_people_up_and_hosts_remove_them() throws Exception {
        String id = create(yuki, ", \"kind\": \"seated\", \"capacity\": 1", 50).get("id").asString();
        // a host may not put someone's name on a session without their say
        HttpResponse<String> byHost = api.send("POST", "/api/v1/sessions/" + id + "/signups", yuki, "{\"username\": \"sam\"}");
        assertThat(byHost.statusCode()).isEqualTo(403);
        assertThat(byHost.body()).contains("People sign themselves up");
        JsonNode first = signUp(id, PortalTest.ADMIN_TOKEN, "{\"username\": \"sam\"}", 201);
        assertThat(first.get("status").asString()).isEqualTo("confirmed");
        JsonNode second = signUp(id, PortalTest.ADMIN_TOKEN, "{\"username\": \"hana\"}", 201);
        assertThat(second.get("status").asString()).isEqualTo("waitlisted");
        assertThat(second.get("position").asInt()).isEqualTo(1);
        assertThat(api.send("POST", "/api/v1/sessions/" + id + "/signups", sam, "{\"username\": \"kenji\"}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> unknown = api.send("POST", "/api/v1/sessions/" + id + "/signups", PortalTest.ADMIN_TOKEN,
                "{\"username\": \"nobody\"}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        // a host removes someone: the seat goes to the waitlist
        String samSignup = first.get("id").asString();
        assertThat(api.send("DELETE", "/api/v1/sessions/" + id + "/signups/" + samSignup, yuki, null).statusCode()).isEqualTo(204);
        assertThat(json.readTree(api.send("GET", "/api/v1/sessions/" + id, hana, null).body()).get("myStatus").asString())
                .isEqualTo("confirmed");
        // and only hosts change the session
        assertThat(api.send("POST", "/api/v1/sessions/" + id + "/cancel", sam, "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void a_member_hosts_themselves_and_only_an_admin_names_someone_else_as_host() throws Exception {
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(70)), ZoneId.of("Asia/Tokyo"))
                .truncatedTo(ChronoUnit.MINUTES);
        String times = "\"timeZone\": \"Asia/Tokyo\", \"start\": \"%s\", \"end\": \"%s\"".formatted(LOCAL.format(start),
                LOCAL.format(start.plusHours(1)));
        HttpResponse<String> drafted = api.send("POST", "/api/v1/sessions", sam,
                "{\"title\": \"Pairing\", \"room\": \"Room Sakura\", \"hosts\": [\"sam\", \"kenji\"], " + times + "}");
        assertThat(drafted.statusCode()).isEqualTo(422);
        assertThat(drafted.body()).contains("\"field\":\"hosts\"").contains("Only an admin can make Kenji Watanabe a host");
        assertThat(api.send("POST", "/api/v1/sessions", sam,
                "{\"title\": \"Pairing\", \"room\": \"Room Sakura\", \"hosts\": [\"sam\"], " + times + "}").statusCode())
                .isEqualTo(201);
        HttpResponse<String> byAdmin = api.send("POST", "/api/v1/sessions", PortalTest.ADMIN_TOKEN,
                "{\"title\": \"Pairing\", \"room\": \"Room Sakura\", \"hosts\": [\"sam\", \"kenji\"], " + times + "}");
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(201);
        // sam, now a host next to kenji, may keep kenji when he edits the session
        String id = json.readTree(byAdmin.body()).get("id").asString();
        HttpResponse<String> kept = api.send("PUT", "/api/v1/sessions/" + id, sam,
                "{\"title\": \"Pairing, longer\", \"room\": \"Room Sakura\", \"hosts\": [\"sam\", \"kenji\"], " + times + "}");
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
    }

    @Test
    void the_suggested_wishes_are_those_several_people_wrote_and_never_one_persons_own() throws Exception {
        String id = create(yuki, "", 73).get("id").asString();
        signUp(id, hana, "{\"wish\": \"My private salary spreadsheet\"}", 201);
        signUp(id, sam, "{\"wish\": \"Weekly   status mail\"}", 201);
        signUp(id, kenji, "{\"wish\": \"weekly status mail\"}", 201);
        java.util.List<String> suggested = signedIn.as("yuki", "MEMBER", () -> wishSuggestions.commonWishes());
        assertThat(suggested).anyMatch(w -> w.equalsIgnoreCase("Weekly   status mail") || w.equalsIgnoreCase("weekly status mail"))
                .noneMatch(w -> w.contains("salary"));
        // a wish of a cancelled sign-up is not counted
        assertThat(api.send("DELETE", "/api/v1/sessions/" + id + "/signups/me", sam, null).statusCode()).isEqualTo(204);
        assertThat(signedIn.as("yuki", "MEMBER", () -> wishSuggestions.commonWishes()))
                .noneMatch(w -> w.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").equals("weekly status mail"));
    }

    @Test
    void nobody_joins_a_cancelled_date_or_one_that_has_ended() throws Exception {
        String id = create(yuki, ", \"recurrence\": \"FREQ=WEEKLY;COUNT=3\"", 52).get("id").asString();
        JsonNode cancelled = json.readTree(api.send("POST", "/api/v1/sessions/" + id + "/cancel", yuki, "{}").body());
        assertThat(cancelled.get("cancelled").asBoolean()).isTrue();
        HttpResponse<String> join = api.send("POST", "/api/v1/sessions/" + id + "/signups", hana, "{}");
        assertThat(join.statusCode()).isEqualTo(422);
        assertThat(join.body()).contains("cancelled");
        // the series goes on: the next date is still open
        JsonNode page = json.readTree(api.send("GET", "/api/v1/sessions?host=yuki&size=200", hana, null).body());
        assertThat(StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(s -> s.get("seriesUid").asString().equals(cancelled.get("seriesUid").asString()))).hasSize(2);

        Long ended = jdbc.queryForObject("SELECT id FROM office_sessions WHERE ends_at < now() ORDER BY id LIMIT 1", Long.class);
        HttpResponse<String> late = api.send("POST", "/api/v1/sessions/" + ended + "/signups", sam, "{}");
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(late.body()).contains("has ended");
    }

    @Test
    void a_reminder_goes_out_once_per_person_and_date_however_many_instances_look() throws Exception {
        HttpResponse<String> hook = api.send("POST", "/api/v1/hooks", PortalTest.ADMIN_TOKEN,
                "{\"event\": \"session.reminder\", \"target_url\": \"" + receiver.url("/reminder") + "\"}");
        assertThat(hook.statusCode()).isEqualTo(201);
        // starts in about 30 minutes: inside the default 60-minute reminder time
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(30)), ZoneId.of("Asia/Tokyo"))
                .truncatedTo(ChronoUnit.MINUTES);
        String id = json.readTree(api.send("POST", "/api/v1/sessions", yuki, """
                {"title": "Reminder check", "room": "Room Sakura", "timeZone": "Asia/Tokyo", "start": "%s", "end": "%s"}"""
                .formatted(LOCAL.format(start), LOCAL.format(start.plusHours(1)))).body()).get("id").asString();
        signUp(id, hana, null, 201);
        signUp(id, sam, null, 201);

        // two schedulers at once, then again: still one reminder each
        Thread other = Thread.ofPlatform().start(reminders::sendDue);
        reminders.sendDue();
        other.join();
        reminders.sendDue();
        await().atMost(WAIT).until(() -> receiver.received().stream().filter(r -> r.getTarget().contains("reminder")).count() >= 2);
        // the outbox is the truth of what was sent: one reminder event per sign-up of this session
        assertThat(jdbc.queryForList("SELECT data -> 'attendee' ->> 'username' FROM webhook_events"
                + " WHERE type = 'session.reminder' AND data -> 'session' ->> 'id' = ? ORDER BY 1", String.class, id))
                .containsExactly("hana", "sam");
        List<String> reminded = receiver.received().stream().map(OfficeHoursApiIT::body)
                .filter(e -> e.get("data").get("session").get("id").asString().equals(id))
                .map(e -> e.get("data").get("attendee").get("username").asString()).sorted().toList();
        assertThat(reminded).containsExactly("hana", "sam");
        JsonNode one = receiver.received().stream().map(OfficeHoursApiIT::body).findFirst().orElseThrow();
        assertThat(one.get("data").get("starts_in_minutes").asLong()).isBetween(25L, 31L);
    }

    @Test
    void a_series_calendar_file_has_its_rule_exceptions_and_time_zone_and_a_change_raises_its_sequence() throws Exception {
        JsonNode first = create(yuki, ", \"recurrence\": \"FREQ=WEEKLY;COUNT=4\"", 54);
        String id = first.get("id").asString();
        ICalendar before = parse(api.send("GET", "/api/v1/sessions/" + id + "/series.ics", hana, null));
        int sequenceBefore = before.getEvents().getFirst().getSequence().getValue();

        JsonNode page = json.readTree(api.send("GET", "/api/v1/sessions?host=yuki&size=200", hana, null).body());
        List<String> ids = StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(s -> s.get("seriesUid").asString().equals(first.get("seriesUid").asString()))
                .map(s -> s.get("id").asString()).toList();
        assertThat(api.send("POST", "/api/v1/sessions/" + ids.get(1) + "/cancel", yuki, "{}").statusCode()).isEqualTo(200);
        JsonNode third = json.readTree(api.send("GET", "/api/v1/sessions/" + ids.get(2), yuki, null).body());
        LocalDateTime moved = LocalDateTime.parse(third.get("start").asString()).plusHours(2);
        HttpResponse<String> move = api.send("POST", "/api/v1/sessions/" + ids.get(2) + "/move", yuki,
                "{\"start\": \"" + LOCAL.format(moved) + "\", \"end\": \"" + LOCAL.format(moved.plusHours(1)) + "\"}");
        assertThat(move.statusCode()).as(move.body()).isEqualTo(200);

        HttpResponse<String> file = api.send("GET", "/api/v1/sessions/" + id + "/series.ics", hana, null);
        assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
        ICalendar calendar = parse(file);
        VTimezone zone = calendar.getTimezoneInfo().getComponents().iterator().next();
        assertThat(zone.getTimezoneId().getValue()).isEqualTo("Asia/Tokyo");
        VEvent master = calendar.getEvents().stream().filter(e -> e.getRecurrenceId() == null).findFirst().orElseThrow();
        assertThat(master.getUid().getValue()).isEqualTo(first.get("seriesUid").asString());
        assertThat(master.getRecurrenceRule().getValue().getCount()).isEqualTo(4);
        assertThat(master.getDateTimeStamp()).isNotNull();
        assertThat(master.getSummary().getValue()).isEqualTo("Automate your inbox");
        assertThat(master.getLocation().getValue()).isEqualTo("Room Sakura");
        assertThat(master.getOrganizer().getEmail()).isEqualTo("yuki.nakamura@example.com");
        assertThat(master.getUrl().getValue()).endsWith("/office-hours/sessions/" + id);
        assertThat(master.getSequence().getValue()).isGreaterThan(sequenceBefore);
        assertThat(calendar.getTimezoneInfo().getTimezone(master.getDateStart()).getTimeZone().getID()).isEqualTo("Asia/Tokyo");
        assertThat(master.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse(first.get("startsAt").asString()));
        // the cancelled date is an EXDATE, the moved one a RECURRENCE-ID with its new time
        Instant cancelledAt = Instant.parse(json.readTree(api.send("GET", "/api/v1/sessions/" + ids.get(1), yuki, null).body())
                .get("startsAt").asString());
        assertThat(master.getExceptionDates()).hasSize(1);
        assertThat(master.getExceptionDates().getFirst().getValues().getFirst().toInstant()).isEqualTo(cancelledAt);
        VEvent override = calendar.getEvents().stream().filter(e -> e.getRecurrenceId() != null).findFirst().orElseThrow();
        RecurrenceId original = override.getRecurrenceId();
        assertThat(original.getValue().toInstant()).isEqualTo(Instant.parse(third.get("startsAt").asString()));
        assertThat(override.getDateStart().getValue().toInstant())
                .isEqualTo(moved.atZone(ZoneId.of("Asia/Tokyo")).toInstant());
        assertThat(override.getUid().getValue()).isEqualTo(master.getUid().getValue());

        // one cancelled date on its own says so
        VEvent single = parse(api.send("GET", "/api/v1/sessions/" + ids.get(1) + "/calendar.ics", hana, null)).getEvents().getFirst();
        assertThat(single.getStatus().isCancelled()).isTrue();
        assertThat(single.getUid().getValue()).isNotEqualTo(master.getUid().getValue());
    }

    @Test
    void the_personal_feed_needs_no_sign_in_holds_my_sessions_and_stops_when_reset() throws Exception {
        String id = create(yuki, "", 56).get("id").asString();
        signUp(id, hana, null, 201);
        HttpResponse<String> made = api.send("POST", "/api/v1/calendar/feed", hana, null);
        assertThat(made.statusCode()).isEqualTo(201);
        String url = json.readTree(made.body()).get("url").asString();
        String path = url.substring(url.indexOf("/api/v1/calendar/"));
        String token = path.substring("/api/v1/calendar/".length(), path.length() - ".ics".length());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM calendar_feeds WHERE token_hash = sha256(convert_to(?, 'UTF8'))",
                Long.class, token)).as("the address's secret is stored as its SHA-256 only").isEqualTo(1);

        HttpResponse<String> feed = api.send("GET", path, null, null);
        assertThat(feed.statusCode()).isEqualTo(200);
        ICalendar calendar = parse(feed);
        assertThat(calendar.getEvents()).anySatisfy(e -> assertThat(e.getUrl().getValue()).endsWith("/office-hours/sessions/" + id));

        String newUrl = json.readTree(api.send("POST", "/api/v1/calendar/feed", hana, null).body()).get("url").asString();
        HttpResponse<String> old = api.send("GET", path, null, null);
        assertThat(old.statusCode()).isEqualTo(404);
        assertThat(old.body()).contains("reset");
        assertThat(api.send("GET", newUrl.substring(newUrl.indexOf("/api/v1/")), null, null).statusCode()).isEqualTo(200);
        assertThat(api.send("GET", "/api/v1/calendar/ecal_made-up.ics", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void wishes_group_by_their_words_and_a_host_turns_one_into_a_draft_recipe_linked_to_the_series() throws Exception {
        String id = create(yuki, "", 58).get("id").asString();
        signUp(id, hana, "{\"wish\": \"Expense  reports\"}", 201);
        signUp(id, sam, "{\"wish\": \"expense reports\"}", 201);
        signUp(id, kenji, "{\"wish\": \"Deploy notes to chat\"}", 201);
        JsonNode wishes = json.readTree(api.send("GET", "/api/v1/sessions/" + id + "/wishes", yuki, null).body());
        assertThat(wishes.get(0).get("people").asInt()).isEqualTo(2);
        assertThat(wishes.get(0).get("key").asString()).isEqualTo("expense reports");

        HttpResponse<String> made = api.send("POST", "/api/v1/sessions/" + id + "/wishes/recipe", yuki,
                "{\"wish\": \"expense reports\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String slug = json.readTree(made.body()).get("recipe").asString();
        JsonNode recipe = json.readTree(api.send("GET", "/api/v1/recipes/" + slug, yuki, null).body());
        assertThat(recipe.get("status").asString()).isEqualTo("draft");
        assertThat(recipe.get("owner").asString()).isEqualTo("user:yuki");
        assertThat(json.readTree(api.send("GET", "/api/v1/sessions/" + id + "/wishes", yuki, null).body()).get(0)
                .get("recipe").asString()).isEqualTo(slug);
        assertThat(api.send("POST", "/api/v1/sessions/" + id + "/wishes/recipe", sam, "{\"wish\": \"expense reports\"}")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void the_owning_team_and_admins_link_a_team_owned_draft_and_nobody_else_sees_it() throws Exception {
        String admin = token("admin");
        HttpResponse<String> draft = api.send("POST", "/api/v1/recipes", kenji, """
                {"slug": "it-team-draft", "owner": "payments", "category": "other", "title": "Refund report", "summary": "x"}""");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        String id = create(yuki, "", 61).get("id").asString();
        for (String attendee : List.of(kenji, admin, hana)) {
            signUp(id, attendee, "{}", 201);
        }

        for (String owner : List.of(kenji, admin)) {
            HttpResponse<String> linked = api.send("PUT", "/api/v1/sessions/" + id + "/signups/me/recipe", owner,
                    "{\"recipe\": \"it-team-draft\"}");
            assertThat(linked.statusCode()).as(linked.body()).isLessThan(300);
        }
        // hana is not in payments: a draft she may not see is unknown to her, as on the recipes page
        HttpResponse<String> stranger = api.send("PUT", "/api/v1/sessions/" + id + "/signups/me/recipe", hana,
                "{\"recipe\": \"it-team-draft\"}");
        assertThat(stranger.statusCode()).isEqualTo(422);
        assertThat(stranger.body()).contains("\"field\":\"recipe\"");
        assertThat(api.send("GET", "/api/v1/recipes/it-team-draft", hana, null).statusCode()).isEqualTo(404);

        JsonNode attendees = json.readTree(api.send("GET", "/api/v1/sessions/" + id + "/signups", yuki, null).body()).get("items");
        java.util.Map<String, String> linkedBy = new java.util.HashMap<>();
        attendees.forEach(a -> linkedBy.put(a.get("username").asString(),
                a.hasNonNull("recipe") ? a.get("recipe").asString() : null));
        assertThat(linkedBy).containsEntry("kenji", "it-team-draft").containsEntry("admin", "it-team-draft")
                .containsEntry("hana", null);
    }

    static ICalendar parse(HttpResponse<String> file) {
        assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
        List<ICalendar> calendars = Biweekly.parse(file.body()).all();
        assertThat(calendars).hasSize(1);
        return calendars.getFirst();
    }

    static List<String> fields(JsonNode problem) {
        return problem.get("errors").findValuesAsString("field");
    }

    static JsonNode body(RecordedRequest request) {
        return JsonMapper.builder().build().readTree(request.getBody().utf8());
    }
}
