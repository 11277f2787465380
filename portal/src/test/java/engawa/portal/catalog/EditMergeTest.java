package engawa.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import engawa.db.catalog.Lifecycle;
import engawa.db.catalog.OpsLinkKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EditMergeTest {

    private final ServiceDraft base = draft("Ledger", "Books payments.", Map.of(OpsLinkKind.LOGS, "https://logs.example.com/ledger"));

    @Test
    void my_changed_fields_go_on_top_of_theirs_and_their_other_changes_stay() {
        ServiceDraft mine = draft("Ledger", "Books every payment twice.", Map.of(OpsLinkKind.LOGS, "https://logs.example.com/ledger",
                OpsLinkKind.RUNBOOK, "https://wiki.example.com/ledger"));
        ServiceDraft theirs = draft("General Ledger", "Books payments.", Map.of(OpsLinkKind.LOGS, "https://logs.example.com/gl"));

        ServiceDraft merged = EditMerge.mineOnTop(base, mine, theirs);

        assertThat(merged.title()).isEqualTo("General Ledger");
        assertThat(merged.description()).isEqualTo("Books every payment twice.");
        assertThat(merged.opsLinks()).containsEntry(OpsLinkKind.LOGS, "https://logs.example.com/gl")
                .containsEntry(OpsLinkKind.RUNBOOK, "https://wiki.example.com/ledger");
        assertThat(EditMerge.changedFields(base, mine)).containsExactly("description", "runbook");
    }

    @Test
    void a_field_both_changed_keeps_mine_and_a_link_i_removed_stays_removed() {
        ServiceDraft mine = draft("Ledger v2", "Books payments.", Map.of());
        ServiceDraft theirs = draft("General Ledger", "Books payments.", Map.of(OpsLinkKind.LOGS, "https://logs.example.com/ledger"));

        ServiceDraft merged = EditMerge.mineOnTop(base, mine, theirs);

        assertThat(merged.title()).isEqualTo("Ledger v2");
        assertThat(merged.opsLinks()).doesNotContainKey(OpsLinkKind.LOGS);
    }

    private static ServiceDraft draft(String title, String description, Map<OpsLinkKind, String> ops) {
        return new ServiceDraft("ledger", title, description, "service", Lifecycle.PRODUCTION, 2, "payments", "checkout",
                List.of("kotlin"), List.of(), ops, List.of("payments-api"), List.of(), List.of());
    }
}
