package engawa.portal.catalog;

import engawa.db.catalog.OpsLinkKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * After an edit conflict: the service as someone else saved it, with the fields this editor
 * changed put on top. A field both changed takes this editor's value; the page says which those were.
 */
public final class EditMerge {

    private EditMerge() {
    }

    /** The fields {@code mine} changed from {@code base}, as the history names them. */
    public static Set<String> changedFields(ServiceDraft base, ServiceDraft mine) {
        return ChangeSet.between(base, mine).keySet();
    }

    /**
     * @param base the service as the editor started from it
     * @param mine what the editor has now
     * @param theirs the service as it now is
     */
    public static ServiceDraft mineOnTop(ServiceDraft base, ServiceDraft mine, ServiceDraft theirs) {
        Set<String> changed = changedFields(base, mine);
        Map<OpsLinkKind, String> ops = new EnumMap<>(OpsLinkKind.class);
        for (OpsLinkKind kind : OpsLinkKind.values()) {
            String value = (changed.contains(kind.key) ? mine : theirs).opsLinks().get(kind);
            if (value != null) {
                ops.put(kind, value);
            }
        }
        return new ServiceDraft(theirs.name(),
                pick(changed, "title", mine, theirs).title(),
                pick(changed, "description", mine, theirs).description(),
                pick(changed, "type", mine, theirs).type(),
                pick(changed, "lifecycle", mine, theirs).lifecycle(),
                pick(changed, "tier", mine, theirs).tier(),
                pick(changed, "owner", mine, theirs).owner(),
                pick(changed, "system", mine, theirs).system(),
                pick(changed, "tags", mine, theirs).tags(),
                pick(changed, "links", mine, theirs).links(),
                ops,
                pick(changed, "dependsOn", mine, theirs).dependsOn(),
                pick(changed, "providesApis", mine, theirs).providesApis(),
                pick(changed, "consumesApis", mine, theirs).consumesApis());
    }

    private static ServiceDraft pick(Set<String> changed, String field, ServiceDraft mine, ServiceDraft theirs) {
        return changed.contains(field) ? mine : theirs;
    }
}
