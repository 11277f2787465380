package engawa.portal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import engawa.portal.catalog.ServiceCreated;
import engawa.portal.catalog.ServiceUpdated;
import engawa.portal.officehours.SessionReminderDue;
import engawa.portal.officehours.SignupCancelled;
import engawa.portal.officehours.SignupCreated;
import engawa.portal.officehours.WaitlistPromoted;
import engawa.portal.recipes.RecipeHealthChanged;
import engawa.portal.recipes.RunCompleted;
import engawa.portal.recipes.RunRequested;
import engawa.portal.slo.ErrorBudgetExhausted;
import engawa.portal.slo.ErrorBudgetWarning;
import engawa.portal.slo.SloAlertChanged;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * What subscribers' Zaps were built on stays: every field an event type carried when it was
 * published stays in it (fields may be added, never removed or renamed). The lists below are the
 * fields of each type as they went out before events became records.
 */
class EventContractTest {

    static final Set<String> SLO = Set.of("service.name", "service.owner", "service.url", "slo.id", "slo.name",
            "slo.title", "slo.objective_percent", "slo.window", "slo.budget_remaining_percent", "slo.state", "slo.url");
    static final Set<String> SESSION = Set.of("session.id", "session.title", "session.starts_at", "session.ends_at",
            "session.time_zone", "session.location", "session.host", "session.hosts", "session.url", "attendee.username",
            "attendee.name", "attendee.email");
    static final Set<String> RECIPE = Set.of("recipe.slug", "recipe.title", "recipe.version", "recipe.url");

    static final Map<EventType, Set<String>> PUBLISHED = Map.ofEntries(
            Map.entry(ServiceCreated.TYPE, Set.of("service.name", "service.title", "service.type", "service.lifecycle",
                    "service.tier", "service.owner", "service.owner_name", "service.system", "service.url", "actor", "via")),
            Map.entry(ServiceUpdated.TYPE, Set.of("service.name", "service.title", "service.type", "service.lifecycle",
                    "service.tier", "service.owner", "service.owner_name", "service.system", "service.url",
                    "changed_fields", "changes", "actor", "via")),
            Map.entry(ErrorBudgetWarning.TYPE, with(SLO, "crossed_percent", "message")),
            Map.entry(ErrorBudgetExhausted.TYPE, with(SLO, "message")),
            Map.entry(SloAlertChanged.TYPE, with(SLO, "message", "alert.from", "alert.to", "alert.burn_rate_5m",
                    "alert.burn_rate_30m", "alert.burn_rate_1h", "alert.burn_rate_2h", "alert.burn_rate_6h",
                    "alert.burn_rate_1d", "alert.burn_rate_3d")),
            Map.entry(SignupCreated.TYPE, with(SESSION, "status", "waitlist_position", "wants_to_automate")),
            Map.entry(SignupCancelled.TYPE, with(SESSION, "cancelled_by")),
            Map.entry(WaitlistPromoted.TYPE, SESSION),
            Map.entry(SessionReminderDue.TYPE, with(SESSION, "starts_in_minutes")),
            Map.entry(RunRequested.TYPE, with(RECIPE, "run.id", "run.status", "run.test", "run.requested_by",
                    "run.requested_at", "run.url", "inputs")),
            Map.entry(RunCompleted.TYPE, with(RECIPE, "run.id", "run.status", "run.test", "run.requested_by",
                    "run.requested_at", "run.finished_at", "run.message", "run.url")),
            Map.entry(RecipeHealthChanged.TYPE, with(RECIPE, "recipe.owner", "health.from", "health.to",
                    "health.failures_in_a_row", "health.last_success_at", "message")));

    /** Objects whose keys are data, not fields: what changed, what people typed. */
    static final Set<String> FREE_FORM = Set.of("changes", "inputs");

    static List<EventType> types() {
        return List.copyOf(PUBLISHED.keySet());
    }

    @ParameterizedTest
    @MethodSource("types")
    void every_field_subscribers_got_before_is_still_there(EventType type) {
        assertThat(fields(new EventJson().tree(type.sampleEvent()))).containsAll(PUBLISHED.get(type));
    }

    @ParameterizedTest
    @MethodSource("types")
    void internal_facts_for_listeners_in_the_portal_are_never_sent(EventType type) {
        assertThat(fields(new EventJson().tree(type.sampleEvent())))
                .noneMatch(f -> f.endsWith("_id") || f.endsWith("_ids") || f.equals("run_id"))
                .noneMatch(f -> f.equals("type") || f.equals("scopes") || f.equals("exhausted_in"));
    }

    /** {@code service.owner_name} for {@code {"service": {"owner_name": …}}}; free-form objects count as one field. */
    static Set<String> fields(JsonNode data) {
        Set<String> fields = new TreeSet<>();
        collect("", data, fields);
        return fields;
    }

    private static void collect(String prefix, JsonNode node, Set<String> fields) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String path = prefix + field.getKey();
            if (field.getValue().isObject() && !FREE_FORM.contains(path)) {
                collect(path + ".", field.getValue(), fields);
            } else {
                fields.add(path);
            }
        }
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> all = new TreeSet<>(base);
        all.addAll(List.of(more));
        return all;
    }
}
