package engawa.portal;

import static org.assertj.core.api.Assertions.assertThat;

import engawa.db.people.Role;
import engawa.portal.people.ApiTokenService;
import engawa.portal.people.NewApiToken;
import engawa.portal.people.NewTeam;
import engawa.portal.people.NewUser;
import engawa.portal.people.TeamService;
import engawa.portal.people.TokenOwner;
import engawa.portal.people.UserAccountService;
import engawa.portal.shared.SystemAuthentication;
import engawa.portal.support.Receiver;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The whole application stopped and started again on the same data directory, as after a restart.
 * One restart for everything: the first run saves and queues what each part keeps, sends nothing and
 * looks for no due reminder, as if it died first; the second finds each thing and does it once.
 */
class RestartIT {

    @TempDir
    Path dataDir;
    /** The SLO's measurements, recorded before the restart and once more after it. */
    private java.util.List<engawa.portal.slo.SliceInput> slices;

    @Test
    void what_was_saved_or_waiting_before_a_restart_is_there_after_it_and_happens_once() throws Exception {
        try (Receiver outbox = new Receiver(); Receiver workflow = new Receiver(); Receiver reminders = new Receiver();
                Receiver warnings = new Receiver()) {
            String token;
            Waiting event;
            java.util.UUID runId;
            long sloId;
            try (ConfigurableApplicationContext first = start("engawa.webhooks.dispatch=false",
                    "engawa.office-hours.reminder-poll-interval=1h")) {
                token = aMemberOfATeamWithAToken(first);
                event = anEventInTheOutbox(first, outbox);
                runId = aRecipeRunTaken(first, workflow);
                aSignUpWhoseReminderIsDue(first, reminders);
                sloId = anSloPastItsWarning(first, warnings);
            }
            assertThat(outbox.received()).isEmpty();
            assertThat(workflow.received()).isEmpty();
            assertThat(reminders.received()).isEmpty();
            assertThat(warnings.received()).isEmpty();

            try (ConfigurableApplicationContext second = start("engawa.office-hours.reminder-poll-interval=500ms")) {
                peopleTeamsAndTokensAreThere(second, token);
                theEventIsSentSignedWithTheSameSecret(outbox, event);
                theRunIsDeliveredAndFinishes(second, workflow, runId);
                theReminderIsSentOnce(second, reminders);
                theSloKeepsItsMeasurementsAndTheCrossingItTold(second, warnings, sloId);
            }
        }
    }

    private String aMemberOfATeamWithAToken(ConfigurableApplicationContext first) {
        first.getBean(SystemAuthentication.class).runAsSystem(() -> {
            first.getBean(TeamService.class).create(new NewTeam("survivors", "Survivors", null, "engineering"));
            first.getBean(UserAccountService.class).create(new NewUser("ren", "Ren Kato", null, Role.MEMBER,
                    "a long enough password"));
            first.getBean(TeamService.class).addMember("survivors", "ren");
            return null;
        });
        return as(first, "ren", () -> first.getBean(ApiTokenService.class).create("ren", "kept", null)).token();
    }

    private void peopleTeamsAndTokensAreThere(ConfigurableApplicationContext second, String token) {
        assertThat(second.getBean(TeamService.class).isMember("ren", "survivors")).isTrue();
        assertThat(second.getBean(ApiTokenService.class).authenticate(token)).contains(new TokenOwner("ren", Role.MEMBER));
        assertThat(second.getBean(SystemAuthentication.class).runAsSystem(
                () -> second.getBean(TeamService.class).details("survivors").team().parentSlug())).isEqualTo("engineering");
    }

    private record Waiting(String secret, java.util.UUID eventId) {
    }

    private Waiting anEventInTheOutbox(ConfigurableApplicationContext first, Receiver receiver) {
        String secret = first.getBean(SystemAuthentication.class).runAsSystem(() -> first.getBean(
                engawa.portal.webhooks.WebhookSubscriptionService.class).subscribe("service.created", receiver.url("/after-restart"))).secret();
        java.util.UUID eventId = new engawa.portal.support.TestEvents(first,
                first.getBean(org.springframework.transaction.PlatformTransactionManager.class),
                first.getBean(org.springframework.jdbc.core.JdbcTemplate.class),
                first.getBean(engawa.portal.webhooks.EventJson.class))
                .publish(engawa.portal.support.TestEvents.serviceCreated("billing"));
        return new Waiting(secret, eventId);
    }

    private void theEventIsSentSignedWithTheSameSecret(Receiver receiver, Waiting event) throws Exception {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> receiver.received().size() == 1);
        mockwebserver3.RecordedRequest request = receiver.received().getFirst();
        assertThat(request.getHeaders().get("webhook-id")).isEqualTo(event.eventId().toString());
        long timestamp = Long.parseLong(request.getHeaders().get("webhook-timestamp"));
        assertThat(request.getHeaders().get("webhook-signature")).isEqualTo(new com.standardwebhooks.Webhook(event.secret())
                .sign(event.eventId().toString(), timestamp, request.getBody().utf8()));
    }

    private java.util.UUID aRecipeRunTaken(ConfigurableApplicationContext first, Receiver workflow) {
        first.getBean(SystemAuthentication.class).runAsSystem(() -> {
            engawa.portal.recipes.RecipeService recipes = first.getBean(engawa.portal.recipes.RecipeService.class);
            recipes.create(new engawa.portal.recipes.RecipeDraft("survives-restart", "sre", "other", null,
                    "Survives a restart", null, "Sent after the restart.", null, null, null,
                    java.util.List.of(new engawa.portal.recipes.RecipeInput("note", "text", "Note", null, null, null,
                            true, null, null, null)),
                    5, false, 15, false, 7, workflow.url("/after-restart"), false));
            return recipes.publish("survives-restart");
        });
        return as(first, "hana", () -> first.getBean(engawa.portal.recipes.RecipeRunner.class)
                .run("survives-restart", java.util.Map.of("note", "kept"), false));
    }

    private void theRunIsDeliveredAndFinishes(ConfigurableApplicationContext second, Receiver workflow, java.util.UUID runId) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> workflow.received().size() == 1);
        assertThat(workflow.received().getFirst().getBody().utf8()).contains(runId.toString()).contains("\"note\": \"kept\"");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> as(second, "hana",
                () -> second.getBean(engawa.portal.recipes.RecipeRunner.class).get(runId)).row().status()
                == engawa.db.recipes.RunStatus.SUCCEEDED);
    }

    private void aSignUpWhoseReminderIsDue(ConfigurableApplicationContext first, Receiver receiver) {
        SystemAuthentication system = first.getBean(SystemAuthentication.class);
        system.runAsSystem(() -> first.getBean(engawa.portal.webhooks.WebhookSubscriptionService.class)
                .subscribe("session.reminder", receiver.url("/reminder")));
        java.time.LocalDateTime start = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Tokyo")).plusMinutes(40)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        long session = system.runAsSystem(() -> first.getBean(engawa.portal.officehours.OfficeHoursService.class)
                .create(new engawa.portal.officehours.SessionDraft("Restart check", null, "", null, java.util.List.of("yuki"),
                        "drop-in", null, "Room Sakura", null, "Asia/Tokyo", start, start.plusHours(1), null, 60,
                        null, null)).sessionId());
        as(first, "hana", () -> first.getBean(engawa.portal.officehours.SignupService.class).join(session, "Expense reports", null));
    }

    private void theReminderIsSentOnce(ConfigurableApplicationContext second, Receiver receiver) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> receiver.received().size() >= 1);
        // one reminder in the outbox, from whichever run took it: none went out twice
        assertThat(second.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                "SELECT count(*) FROM webhook_events WHERE type = 'session.reminder' AND data::text LIKE '%Restart check%'",
                Long.class)).isOne();
        assertThat(receiver.received()).hasSize(1);
        String body = receiver.received().getFirst().getBody().utf8();
        assertThat(body).contains("session.reminder").contains("hana").contains("Restart check");
    }

    /** 6 bad of 1,000 in each of 12 slices against 1% allowed: 60% of the budget spent, past the 50% warning. */
    private static java.util.List<engawa.portal.slo.SliceInput> sloSlices() {
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        java.time.Instant end = now.minus(now.getEpochSecond() / 60 % 5, java.time.temporal.ChronoUnit.MINUTES);
        java.util.List<engawa.portal.slo.SliceInput> slices = new java.util.ArrayList<>();
        for (int i = 12; i > 0; i--) {
            java.time.Instant start = end.minus(java.time.Duration.ofMinutes(5L * i));
            slices.add(new engawa.portal.slo.SliceInput(start.toString(), start.plusSeconds(300).toString(), 994L, 1000L));
        }
        return slices;
    }

    private long anSloPastItsWarning(ConfigurableApplicationContext first, Receiver receiver) {
        slices = sloSlices();
        first.getBean(SystemAuthentication.class).runAsSystem(() -> first.getBean(
                engawa.portal.webhooks.WebhookSubscriptionService.class).subscribe("slo.budget.warning", receiver.url("/w")));
        engawa.portal.slo.SloService slos = first.getBean(engawa.portal.slo.SloService.class);
        long id = as(first, "kenji", () -> slos.create("refunds", new engawa.portal.slo.SloDraft("restart-check", null, null,
                "A refund is answered.", new java.math.BigDecimal("99"), "7d", null, null, null)).id());
        as(first, "kenji", () -> slos.record(id, slices));
        return id;
    }

    private void theSloKeepsItsMeasurementsAndTheCrossingItTold(ConfigurableApplicationContext second, Receiver receiver, long id) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> receiver.received().size() == 1);
        engawa.portal.slo.SloService slos = second.getBean(engawa.portal.slo.SloService.class);
        engawa.portal.slo.SloStatus status = as(second, "hana", () -> slos.get(id).status());
        assertThat(status.total()).isEqualTo(12_000);
        assertThat(status.consumedEvents()).isEqualTo(72);
        assertThat(status.remainingPercent()).isEqualByComparingTo("40");
        // the same slices again after the restart: the crossing was told already
        as(second, "kenji", () -> slos.record(id, slices));
        assertThat(second.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                "SELECT count(*) FROM webhook_events WHERE type = 'slo.budget.warning' AND data -> 'slo' ->> 'id' = ?",
                Long.class, String.valueOf(id))).isOne();
        assertThat(receiver.received()).hasSize(1);
        assertThat(receiver.received().getFirst().getBody().utf8()).contains("restart-check").contains("\"crossed_percent\": 50")
                .contains("has 40% of its error budget left (below 50%)");
    }

    private ConfigurableApplicationContext start(String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=0", "--engawa.data-dir=" + dataDir,
                "--engawa.demo-data=true", "--engawa.webhooks.allowed-hosts=localhost,127.0.0.1"));
        java.util.Arrays.stream(more).map(setting -> "--" + setting).forEach(args::add);
        // command-line arguments: they outrank application.properties (server.port=${SERVER_PORT:8080})
        return new SpringApplicationBuilder(EngawaApplication.class).run(args.toArray(String[]::new));
    }

    private static <T> T as(ConfigurableApplicationContext context, String username, java.util.function.Supplier<T> work) {
        SecurityContextHolderStrategy contexts = context.getBean(SecurityContextHolderStrategy.class);
        SecurityContext security = contexts.createEmptyContext();
        security.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                java.util.List.of(new SimpleGrantedAuthority("ROLE_MEMBER"))));
        contexts.setContext(security);
        try {
            return work.get();
        } finally {
            contexts.clearContext();
        }
    }
}
