package engawa.portal.shared.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engawa.portal.shared.Translations;
import engawa.portal.shared.UserFacingException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonBodiesTest {

    record Link(String url, String title) {
    }

    record Body(String name, Integer tier, BigDecimal objective, Boolean enabled, List<String> tags, List<Link> links,
            Map<String, String> opsLinks) {
    }

    final JsonBodies bodies = new JsonBodies(JsonMapper.builder().build(), 1000);

    @Test
    void a_good_body_is_read_as_written() {
        Body body = read("""
                {"name": "billing", "tier": 2, "objective": 99.9, "enabled": true, "tags": ["java"],
                 "links": [{"url": "https://x.example.com", "title": "X"}], "opsLinks": {"logs": "https://l.example.com"}}""");
        assertThat(body.name()).isEqualTo("billing");
        assertThat(body.tier()).isEqualTo(2);
        assertThat(body.objective()).isEqualByComparingTo("99.9");
        assertThat(body.links()).containsExactly(new Link("https://x.example.com", "X"));
        assertThat(body.opsLinks()).containsEntry("logs", "https://l.example.com");
    }

    @Test
    void every_wrong_field_is_named_at_once_with_what_belongs_there() {
        assertThatThrownBy(() -> read("""
                {"name": {"first": "x"}, "tier": "high", "enabled": "yes", "colour": "red", "tags": "java",
                 "links": [{"url": "https://x.example.com", "titel": "X"}, {"url": ["no"]}], "extra": {"a": [1, 2]}}"""))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.kind()).isEqualTo(UserFacingException.Kind.INVALID);
                    assertThat(e.fieldProblems()).extracting(UserFacingException.FieldProblem::field)
                            .containsExactlyInAnyOrder("name", "tier", "enabled", "colour", "tags", "links[0].titel",
                                    "links[1].url", "extra");
                    assertThat(e.messageIn(Translations.ENGLISH))
                            .contains("name: Write this as text in quotes.")
                            .contains("tier: Write this as a whole number")
                            .contains("enabled: Write this as true or false")
                            .contains("tags: Write this as a list")
                            .contains("There is no field colour here. The fields are: enabled, links, name, objective,"
                                    + " opsLinks, tags, tier.")
                            .contains("There is no field titel here. The fields are: title, url.");
                });
    }

    @Test
    void a_body_that_is_no_object_or_no_json_is_refused_as_such() {
        assertThatThrownBy(() -> read("[1, 2]")).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.fieldProblems()).extracting(UserFacingException.FieldProblem::field).containsExactly("body"));
        assertThatThrownBy(() -> read("{name=x")).isInstanceOf(JsonBodies.NotJson.class);
        assertThatThrownBy(() -> read("null")).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("api.body.missing"));
    }

    @Test
    void a_body_over_the_limit_is_refused_before_it_is_parsed() throws Exception {
        byte[] big = ("{\"name\": \"" + "x".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> bodies.readBounded(new ByteArrayInputStream(big)))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.kind()).isEqualTo(UserFacingException.Kind.TOO_LARGE));
        assertThat(bodies.readBounded(new ByteArrayInputStream(new byte[1000]))).hasSize(1000);
    }

    private Body read(String json) {
        return bodies.read(json.getBytes(StandardCharsets.UTF_8), Body.class);
    }
}
