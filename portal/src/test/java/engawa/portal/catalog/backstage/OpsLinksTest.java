package engawa.portal.catalog.backstage;

import static org.assertj.core.api.Assertions.assertThat;

import engawa.portal.catalog.backstage.OpsLinks.Kind;
import engawa.portal.catalog.backstage.OpsLinks.Link;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpsLinksTest {

    @Test
    void links_are_recognised_by_type_then_title_then_icon() {
        Map<Kind, String> found = OpsLinks.find(List.of(
                new Link("https://grafana.example.com/d/1", "Grafana dashboard", null, "dashboard"),
                new Link("https://example.com/rb", "How to restart", "runbook", null),
                new Link("https://kibana.example.com", "Logs", null, null),
                new Link("https://sentry.io/acme/payments", "Sentry", null, null),
                new Link("https://acme.pagerduty.com/schedules/P1", "On-call schedule", null, null),
                new Link("https://github.com/acme/payments/actions", "CI pipeline", null, null),
                new Link("https://wiki.example.com/payments", "Documentation", null, null),
                new Link("https://example.com/other", "Team lunch menu", null, null)), Map.of());

        assertThat(found).containsExactly(
                Map.entry(Kind.LOGS, "https://kibana.example.com"),
                Map.entry(Kind.METRICS, "https://grafana.example.com/d/1"),
                Map.entry(Kind.ERRORS, "https://sentry.io/acme/payments"),
                Map.entry(Kind.ON_CALL, "https://acme.pagerduty.com/schedules/P1"),
                Map.entry(Kind.CI_CD, "https://github.com/acme/payments/actions"),
                Map.entry(Kind.RUNBOOK, "https://example.com/rb"),
                Map.entry(Kind.DOCS, "https://wiki.example.com/payments"));
    }

    @Test
    void the_source_comes_from_the_annotations_backstage_writes() {
        assertThat(OpsLinks.find(List.of(), Map.of("backstage.io/source-location", "url:https://github.com/acme/payments/tree/main/")))
                .containsEntry(Kind.SOURCE, "https://github.com/acme/payments/tree/main/");
        assertThat(OpsLinks.find(List.of(), Map.of("github.com/project-slug", "acme/payments")))
                .containsEntry(Kind.SOURCE, "https://github.com/acme/payments");
        assertThat(OpsLinks.find(List.of(), Map.of("github.com/project-slug", "not a slug"))).isEmpty();
    }

    @Test
    void the_first_link_of_a_kind_wins_and_the_export_type_reads_back() {
        Map<Kind, String> found = OpsLinks.find(List.of(
                new Link("https://a.example.com", "Runbook", null, null),
                new Link("https://b.example.com", "Old runbook", null, null)), Map.of());
        assertThat(found).containsExactly(Map.entry(Kind.RUNBOOK, "https://a.example.com"));
        for (Kind kind : Kind.values()) {
            assertThat(OpsLinks.classify(new Link("https://x.example.com", "x", kind.linkType, null))).contains(kind);
        }
    }
}
