package engawa.portal.officehours;

import static org.assertj.core.api.Assertions.assertThat;

import engawa.db.embedded.EmbeddedDatabase;
import engawa.portal.EngawaApplication;
import engawa.portal.support.ApiClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last seats taken at the same moment by many people through two portal instances on one
 * database: exactly the capacity confirmed, everyone else waitlisted in the order the database
 * served them, nobody lost, and cancellations promote the next in line in that order.
 */
class SeatsConcurrencyIT {

    static final String ADMIN = "seats-it-admin-token-0123456789";
    static final int CAPACITY = 50;
    static final int PEOPLE = 200;
    static EmbeddedDatabase database;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void twoInstancesOnOneDatabase() throws Exception {
        database = EmbeddedDatabase.start(Files.createTempDirectory("engawa-seats-db-"));
        first = start();
        second = start();
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        jdbc.update("""
                INSERT INTO users (username, display_name, role, created_at)
                SELECT 'joiner-' || n, 'Joiner ' || n, 'MEMBER', now() FROM generate_series(1, ?) AS n""", PEOPLE);
    }

    static ConfigurableApplicationContext start() throws Exception {
        Path unused = Files.createTempDirectory("engawa-seats-instance-");
        // command-line arguments: they outrank application.properties (server.port=${SERVER_PORT:8080})
        return new SpringApplicationBuilder(EngawaApplication.class)
                .run("--server.port=0", "--engawa.data-dir=" + unused, "--engawa.demo-data=true",
                        "--engawa.db.url=" + database.jdbcUrl(), "--engawa.db.user=" + database.username(), "--engawa.db.password=" + database.password(),
                        "--engawa.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", "--engawa.admin-token=" + ADMIN,
                        "--engawa.webhooks.dispatch=false");
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
        database.close();
    }

    static ApiClient api(ConfigurableApplicationContext context) {
        return new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void many_people_taking_the_last_seats_through_two_instances_get_exactly_the_capacity_and_an_ordered_waitlist()
            throws Exception {
        ApiClient a = api(first);
        ApiClient b = api(second);
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Tokyo")).plusDays(3).truncatedTo(ChronoUnit.HOURS);
        HttpResponse<String> created = a.send("POST", "/api/v1/sessions", ADMIN, """
                {"title": "SLOs for service owners", "kind": "seated", "capacity": %d, "room": "Room Fuji",
                 "timeZone": "Asia/Tokyo", "hosts": ["yuki"], "start": "%s", "end": "%s"}"""
                .formatted(CAPACITY, start, start.plusHours(1)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();

        Map<String, JsonNode> answers = new ConcurrentHashMap<>();
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<?>> calls = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(64)) {
            for (int n = 1; n <= PEOPLE; n++) {
                String who = "joiner-" + n;
                ApiClient instance = n % 2 == 0 ? a : b;
                calls.add(pool.submit(() -> {
                    gate.await();
                    HttpResponse<String> answer = instance.send("POST", "/api/v1/sessions/" + id + "/signups", ADMIN,
                            "{\"username\": \"" + who + "\"}");
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                    answers.put(who, json.readTree(answer.body()));
                    return null;
                }));
            }
            gate.countDown();
            for (Future<?> call : calls) {
                call.get();
            }
        }

        assertThat(answers).hasSize(PEOPLE);
        List<JsonNode> confirmed = answers.values().stream().filter(j -> j.get("status").asString().equals("confirmed")).toList();
        List<JsonNode> waiting = answers.values().stream().filter(j -> j.get("status").asString().equals("waitlisted")).toList();
        assertThat(confirmed).hasSize(CAPACITY);
        assertThat(waiting).hasSize(PEOPLE - CAPACITY);
        assertThat(waiting.stream().map(j -> j.get("position").asInt()).sorted().toList())
                .as("positions 1 to %d, each once", PEOPLE - CAPACITY)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, PEOPLE - CAPACITY).boxed().toList());

        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT confirmed FROM office_sessions WHERE id = ?", Integer.class, Long.valueOf(id)))
                .isEqualTo(CAPACITY);
        // served in one order: every confirmed sign-up came before every waitlisted one, and each
        // position told is the sign-up's place in that order
        List<String> byArrival = jdbc.queryForList("SELECT u.username FROM office_signups g JOIN users u ON u.id = g.user_id"
                + " WHERE g.session_id = ? ORDER BY g.id", String.class, Long.valueOf(id));
        assertThat(byArrival).hasSize(PEOPLE);
        for (int i = 0; i < PEOPLE; i++) {
            JsonNode answer = answers.get(byArrival.get(i));
            if (i < CAPACITY) {
                assertThat(answer.get("status").asString()).isEqualTo("confirmed");
            } else {
                assertThat(answer.get("position").asInt()).isEqualTo(i - CAPACITY + 1);
            }
        }

        // three people give up their seats, on either instance: the first three in line move up, in order
        for (int i = 0; i < 3; i++) {
            String signup = answers.get(byArrival.get(i)).get("id").asString();
            ApiClient instance = i % 2 == 0 ? a : b;
            assertThat(instance.send("DELETE", "/api/v1/sessions/" + id + "/signups/" + signup, ADMIN, null).statusCode())
                    .isEqualTo(204);
        }
        List<String> nowConfirmed = jdbc.queryForList("SELECT u.username FROM office_signups g JOIN users u ON u.id = g.user_id"
                + " WHERE g.session_id = ? AND g.status = 'CONFIRMED' ORDER BY g.id", String.class, Long.valueOf(id));
        assertThat(nowConfirmed).hasSize(CAPACITY).containsAll(byArrival.subList(CAPACITY, CAPACITY + 3))
                .doesNotContain(byArrival.get(CAPACITY + 3));
    }
}
