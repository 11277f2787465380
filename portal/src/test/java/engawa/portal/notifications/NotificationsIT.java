package engawa.portal.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import engawa.portal.officehours.DueReminders;
import engawa.portal.people.ApiTokenService;
import engawa.portal.people.UserAccountService;
import engawa.portal.support.ApiClient;
import engawa.portal.support.MutableClock;
import engawa.portal.support.PortalTest;
import engawa.portal.support.SignedIn;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * People hear what concerns them, in the portal and by e-mail from a real SMTP server (GreenMail),
 * in their language, as they chose, exactly once.
 */
@PortalTest
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=" + NotificationsIT.SMTP_PORT,
        "engawa.notifications.poll-interval=100ms", "engawa.notifications.retry-scale=0.0005",
        "engawa.notifications.from=Engawa <engawa@example.com>"})
class NotificationsIT {

    static final int SMTP_PORT = 39025;
    static final Duration WAIT = Duration.ofSeconds(30);
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(true);

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    SignedIn signedIn;
    @Autowired
    UserAccountService users;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationContext context;
    @Autowired
    EmailDispatcher dispatcher;
    @Autowired
    WeeklyDigest digest;

    ApiClient api;
    String yuki;
    String hana;
    String sam;
    String kenji;

    @BeforeEach
    void tokens() {
        api = new ApiClient(port);
        yuki = token("yuki");
        hana = token("hana");
        sam = token("sam");
        kenji = token("kenji");
    }

    @AfterEach
    void resetPeople() {
        signedIn.run("hana", "MEMBER", () -> users.rememberLocale("hana", Locale.ENGLISH));
        jdbc.update("DELETE FROM notification_preferences");
        jdbc.update("DELETE FROM notification_settings");
    }

    String token(String who) {
        return signedIn.as(who, "MEMBER", () -> tokens.create(who, "notifications-it", null)).token();
    }

    static final java.util.concurrent.atomic.AtomicInteger NAMES = new java.util.concurrent.atomic.AtomicInteger();

    /** A session of its own (the title is unique: mail from one test may arrive during the next). */
    String session(String token, String extra, Duration fromNow) throws Exception {
        int n = NAMES.incrementAndGet();
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant().plus(fromNow), ZoneId.of("Asia/Tokyo"))
                .truncatedTo(ChronoUnit.MINUTES);
        HttpResponse<String> created = api.send("POST", "/api/v1/sessions", token, """
                {"title": "SLOs for service owners %d", "titleJa": "サービスオーナーのための SLO %d", "room": "Room Sakura",
                 "timeZone": "Asia/Tokyo", "start": "%s", "end": "%s" %s}"""
                .formatted(n, n, LOCAL.format(start), LOCAL.format(start.plusHours(1)), extra));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asString();
    }

    void send(String method, String path, String token, String body, int status) throws Exception {
        HttpResponse<String> answer = api.send(method, path, token, body);
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(status);
    }

    JsonNode inbox(String token, String query) throws Exception {
        HttpResponse<String> answer = api.send("GET", "/api/v1/me/notifications" + query, token, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    /** How many notifications of a kind about one page a person got: other tests share the database. */
    long notices(String username, String message, String link) {
        return jdbc.queryForObject("SELECT count(*) FROM notifications n JOIN users u ON u.id = n.recipient_id"
                + " WHERE u.username = ? AND n.message = ? AND n.link = ?", Long.class, username, message, link);
    }

    List<MimeMessage> mailTo(String address) {
        return mailTo(address, "");
    }

    /** What the test's SMTP server received for someone, whose subject says {@code about}. */
    List<MimeMessage> mailTo(String address, String about) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address))
                        && m.getSubject().contains(about);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** The text/plain part, decoded as a mail program shows it. */
    static String plainText(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    @Test
    void a_promoted_person_hears_in_the_portal_and_by_e_mail_in_their_own_language() throws Exception {
        signedIn.run("hana", "MEMBER", () -> users.rememberLocale("hana", Locale.JAPANESE));
        String id = session(yuki, ", \"kind\": \"seated\", \"capacity\": 1", Duration.ofDays(2));
        send("POST", "/api/v1/sessions/" + id + "/signups", sam, "{}", 201);
        send("POST", "/api/v1/sessions/" + id + "/signups", hana, "{}", 201);
        long before = inbox(hana, "?unread=true").get("total").asLong();

        send("DELETE", "/api/v1/sessions/" + id + "/signups/me", sam, null, 204);

        JsonNode unread = inbox(hana, "?unread=true");
        assertThat(unread.get("total").asLong()).isEqualTo(before + 1);
        JsonNode latest = unread.get("items").get(0);
        assertThat(latest.get("topic").asString()).isEqualTo("my-sessions");
        assertThat(latest.get("text").asString()).contains("You have a seat at SLOs for service owners " + NAMES.get());
        assertThat(latest.get("link").asString()).isEqualTo("/office-hours/sessions/" + id);

        String title = "サービスオーナーのための SLO " + NAMES.get();
        await().atMost(WAIT).until(() -> !mailTo("hana.sato@example.com", title).isEmpty());
        MimeMessage mail = mailTo("hana.sato@example.com", title).getFirst();
        assertThat(mail.getSubject()).contains("参加できるようになりました");
        String body = plainText(mail);
        assertThat(body).contains("/notifications/" + latest.get("id").asString() + "/open").contains("/account/notifications");
        assertThat(mail.getHeader("Message-ID")[0]).startsWith("<engawa-email-");
        assertThat(mailTo("sam.okafor@example.com", title)).as("sam left; nothing for him").isEmpty();

        send("POST", "/api/v1/me/notifications/" + latest.get("id").asString() + "/read", hana, null, 204);
        assertThat(inbox(hana, "?unread=true").get("total").asLong()).isEqualTo(before);
        send("POST", "/api/v1/me/notifications/" + latest.get("id").asString() + "/read", sam, null, 404);
    }

    @Test
    void each_event_reaches_exactly_the_right_people_once() throws Exception {
        String id = session(yuki, "", Duration.ofMinutes(40));
        String page = "/office-hours/sessions/" + id;
        send("POST", "/api/v1/sessions/" + id + "/signups", hana, "{\"wish\": \"Expense reports to the team sheet\"}", 201);
        send("POST", "/api/v1/sessions/" + id + "/signups", sam, "{\"wish\": \"expense reports to the team sheet\"}", 201);
        assertThat(notices("yuki", "signupWithWish", page)).as("the host hears of both questions").isEqualTo(2);

        // reminders: two looks, one reminder each
        DueReminders.sendNow(context);
        DueReminders.sendNow(context);
        assertThat(notices("hana", "reminder", page)).isOne();
        assertThat(notices("sam", "reminder", page)).isOne();
        assertThat(notices("yuki", "reminder", page)).as("hosts are not reminded of their own session").isZero();

        send("POST", "/api/v1/sessions/" + id + "/note", yuki, "{\"note\": \"Bring a laptop, please.\"}", 200);
        assertThat(notices("hana", "hostNote", page)).isOne();
        assertThat(notices("sam", "hostNote", page)).isOne();
        assertThat(notices("yuki", "hostNote", page)).isZero();

        String slug = json.readTree(api.send("POST", "/api/v1/sessions/" + id + "/wishes/recipe", yuki,
                "{\"wish\": \"expense reports to the team sheet\"}").body()).get("recipe").asString();
        assertThat(notices("hana", "wishHasRecipe", "/recipes/" + slug)).isOne();
        assertThat(notices("sam", "wishHasRecipe", "/recipes/" + slug)).isOne();
        assertThat(notices("yuki", "wishHasRecipe", "/recipes/" + slug)).as("the host made it herself").isZero();
        assertThat(inbox(hana, "?topic=my-wishes").get("items").get(0).get("link").asString()).isEqualTo("/recipes/" + slug);

        send("DELETE", "/api/v1/sessions/" + id + "/signups/me", sam, null, 204);
        assertThat(notices("yuki", "signupCancelled", page)).isOne();

        send("POST", "/api/v1/sessions/" + id + "/cancel", yuki, "{}", 200);
        assertThat(notices("hana", "sessionCancelled", page)).isOne();
        assertThat(notices("sam", "sessionCancelled", page)).as("sam had left").isZero();
    }

    @Test
    void a_recipe_that_breaks_tells_its_owners_and_a_failed_run_tells_whoever_ran_it() throws Exception {
        try (engawa.portal.support.Receiver workflow = new engawa.portal.support.Receiver()) {
            send("POST", "/api/v1/recipes", yuki, """
                    {"slug": "it-notify-report", "owner": "sre", "category": "reports", "title": "Notify report",
                     "summary": "x", "callsBack": true, "targetUrl": "%s"}""".formatted(workflow.url("/flow")), 201);
            send("POST", "/api/v1/recipes/it-notify-report/publish", yuki, null, 200);
            for (int i = 0; i < 3; i++) {
                String run = json.readTree(api.send("POST", "/api/v1/recipes/it-notify-report/runs", hana, "{}").body())
                        .get("id").asString();
                await().atMost(WAIT).until(() -> workflow.received().stream().anyMatch(r -> r.getBody().utf8().contains(run)));
                String callback = workflow.received().stream().map(r -> json.readTree(r.getBody().utf8()))
                        .filter(n -> n.at("/data/run/id").asString().equals(run)).findFirst().orElseThrow()
                        .at("/data/callback_url").asString();
                send("POST", callback.substring(callback.indexOf("/api/v1/")), null,
                        "{\"status\": \"failed\", \"message\": \"The sheet is read-only\"}", 200);
            }
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notifications n JOIN users u ON u.id = n.recipient_id"
                + " WHERE u.username = 'hana' AND n.message = 'runFailed' AND n.args::text LIKE '%Notify report%'", Long.class))
                .isEqualTo(3);
        assertThat(inbox(hana, "?topic=my-runs").get("items").get(0).get("text").asString())
                .isEqualTo("Notify report did not work. The sheet is read-only");
        assertThat(notices("yuki", "recipeBroken", "/recipes/it-notify-report")).isOne();
        assertThat(notices("hana", "recipeBroken", "/recipes/it-notify-report")).as("hana does not own it").isZero();
    }

    @Test
    void a_services_owners_hear_when_an_slo_runs_low_and_when_a_service_becomes_theirs() throws Exception {
        HttpResponse<String> slo = api.send("POST", "/api/v1/services/refunds/slos", kenji, """
                {"name": "it-notify-refunds", "goodMeans": "A refund is answered.", "objectivePercent": 99, "window": "7d"}""");
        assertThat(slo.statusCode()).as(slo.body()).isEqualTo(201);
        String id = json.readTree(slo.body()).get("id").asString();
        java.time.Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        java.time.Instant end = now.minus(now.getEpochSecond() / 60 % 5, ChronoUnit.MINUTES);
        StringBuilder slices = new StringBuilder("[");
        for (int i = 12; i > 0; i--) {
            java.time.Instant start = end.minus(Duration.ofMinutes(5L * i));
            slices.append(i == 12 ? "" : ",").append("{\"start\": \"%s\", \"end\": \"%s\", \"good\": 994, \"total\": 1000}"
                    .formatted(start, start.plusSeconds(300)));
        }
        send("POST", "/api/v1/slos/" + id + "/measurements", kenji, slices.append("]").toString(), 200);
        assertThat(notices("kenji", "budgetWarning", "/slos/" + id)).isOne();
        assertThat(notices("hana", "budgetWarning", "/slos/" + id)).isZero();

        send("POST", "/api/v1/services", kenji, """
                {"name": "it-notify-ledger", "type": "service", "lifecycle": "production", "owner": "payments"}""", 201);
        send("PATCH", "/api/v1/services/it-notify-ledger", PortalTest.ADMIN_TOKEN, "{\"owner\": \"sre\"}", 200);
        assertThat(notices("yuki", "serviceNowYours", "/services/it-notify-ledger")).isOne();
        assertThat(notices("kenji", "serviceNowYours", "/services/it-notify-ledger")).isZero();
    }

    @Test
    void preferences_are_respected_and_bad_ones_are_refused_naming_the_field() throws Exception {
        HttpResponse<String> bad = api.send("PUT", "/api/v1/me/notification-preferences", hana,
                "{\"topics\": {\"my-sessions\": \"pigeon\", \"gossip\": \"email\"}, \"timeZone\": \"Mars/Olympus\","
                        + " \"quietHours\": {\"from\": \"22:00\"}}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("topics.my-sessions").contains("topics.gossip").contains("timeZone")
                .contains("quietHours.until");

        HttpResponse<String> saved = api.send("PUT", "/api/v1/me/notification-preferences", hana,
                "{\"topics\": {\"my-sessions\": \"portal\", \"hosting\": \"off\"}, \"timeZone\": \"Asia/Tokyo\","
                        + " \"quietHours\": {\"from\": \"00:00\", \"until\": \"23:59\"}, \"digest\": false}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode prefs = json.readTree(api.send("GET", "/api/v1/me/notification-preferences", hana, null).body());
        assertThat(prefs.get("topics").get("my-sessions").asString()).isEqualTo("portal");
        assertThat(prefs.get("topics").get("my-runs").asString()).as("a default").isEqualTo("email");
        assertThat(prefs.get("digest").asBoolean()).isFalse();
        assertThat(prefs.get("emailAvailable").asBoolean()).isTrue();

        String id = session(yuki, "", Duration.ofDays(3));
        send("POST", "/api/v1/sessions/" + id + "/signups", hana, "{}", 201);
        send("POST", "/api/v1/sessions/" + id + "/note", yuki, "{\"note\": \"Portal only for hana\"}", 200);
        assertThat(notices("hana", "hostNote", "/office-hours/sessions/" + id)).isOne();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM email_outbox WHERE to_address = 'hana.sato@example.com'"
                + " AND text_body LIKE '%Portal only for hana%'", Long.class)).as("in the portal only").isZero();

        // kenji keeps e-mail for his sessions, with quiet hours from two hours ago to two hours from
        // now (across midnight at some hours of the day, as 22:00-07:00 is): it waits
        java.time.format.DateTimeFormatter hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        LocalDateTime inTokyo = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Asia/Tokyo"));
        api.send("PUT", "/api/v1/me/notification-preferences", kenji, "{\"timeZone\": \"Asia/Tokyo\", \"quietHours\": {\"from\": \"%s\", \"until\": \"%s\"}}"
                .formatted(inTokyo.minusHours(2).format(hhmm), inTokyo.plusHours(2).format(hhmm)));
        send("POST", "/api/v1/sessions/" + id + "/signups", kenji, "{}", 201);
        send("POST", "/api/v1/sessions/" + id + "/note", yuki, "{\"note\": \"Quiet for kenji\"}", 200);
        java.sql.Timestamp next = jdbc.queryForObject("SELECT next_attempt_at FROM email_outbox WHERE"
                + " to_address = 'kenji.watanabe@example.com' ORDER BY id DESC LIMIT 1", java.sql.Timestamp.class);
        assertThat(next.toInstant()).isAfter(clock.instant());

        HttpResponse<String> notMine = api.send("POST", "/api/v1/me/notifications/999999999/read", hana, null);
        assertThat(notMine.statusCode()).isEqualTo(404);
        assertThat(api.send("GET", "/api/v1/me/notifications?topic=gossip", hana, null).statusCode()).isEqualTo(422);
    }

    @Test
    void an_smtp_server_that_is_away_loses_nothing_and_two_dispatchers_send_each_e_mail_once() throws Exception {
        smtp.stop();
        String id = session(yuki, "", Duration.ofDays(4));
        send("POST", "/api/v1/sessions/" + id + "/signups", hana, "{}", 201);
        send("POST", "/api/v1/sessions/" + id + "/signups", sam, "{}", 201);
        send("POST", "/api/v1/sessions/" + id + "/note", yuki, "{\"note\": \"While the mail server is away\"}", 200);
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT count(*) FROM email_outbox WHERE status = 'PENDING'"
                + " AND attempts > 0 AND last_error IS NOT NULL", Long.class) >= 2);
        assertThat(inbox(hana, "?topic=my-sessions").get("items").get(0).get("text").asString())
                .as("the inbox works meanwhile").contains("While the mail server is away");

        smtp.start();
        // the retries are due a moment later (test clocks stand still)
        clock.advance(Duration.ofMinutes(1));
        // two senders at once over the same outbox, as two instances: SKIP LOCKED gives each e-mail to one
        Thread other = Thread.ofPlatform().start(dispatcher::sendOnce);
        dispatcher.sendOnce();
        other.join();
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT count(*) FROM email_outbox WHERE status = 'PENDING'",
                Long.class) == 0);
        assertThat(mailTo("hana.sato@example.com", "While the mail server is away")).hasSize(1);
        assertThat(mailTo("sam.okafor@example.com", "While the mail server is away")).hasSize(1);
    }

    @Test
    void the_weekly_digest_comes_on_monday_morning_in_each_persons_time_zone_once() throws Exception {
        jdbc.update("INSERT INTO notification_settings (user_id, time_zone) SELECT id, 'Asia/Tokyo' FROM users WHERE username = 'kenji'");
        jdbc.update("INSERT INTO notification_settings (user_id, time_zone) SELECT id, 'America/New_York' FROM users WHERE username = 'yuki'");
        // Monday 09:00 in Tokyo is Sunday 19:00 in New York
        clock.set(java.time.ZonedDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneId.of("Asia/Tokyo")).toInstant());
        digest.sendDue();
        digest.sendDue();
        await().atMost(WAIT).until(() -> !mailTo("kenji.watanabe@example.com", "Your week").isEmpty());
        List<MimeMessage> kenjis = mailTo("kenji.watanabe@example.com", "Your week");
        assertThat(kenjis).hasSize(1);
        assertThat(plainText(kenjis.getFirst())).contains("Your services");
        assertThat(mailTo("yuki.nakamura@example.com", "Your week")).as("still Sunday in New York").isEmpty();
        assertThat(jdbc.queryForObject("SELECT last_digest_week FROM notification_settings s JOIN users u ON u.id = s.user_id"
                + " WHERE u.username = 'kenji'", String.class)).isEqualTo("2026-W50");
    }
}
