package engawa.db.catalog;

import java.util.List;
import java.util.Map;

/**
 * What is written for a service. Exactly one of {@code ownerTeamId}, {@code ownerUserId} and
 * {@code ownerPending} is set.
 *
 * @param ownerPending an owner named in a catalog file that is not in Engawa yet, as written there
 * @param linksJson the free links as a JSON array of {@code {"url","title"}}
 * @param annotationsJson Backstage annotations kept for export, a JSON object
 * @param opsLinks the standard links that are set; a kind without an entry has none
 */
public record ServiceValues(String namespace, String name, String title, String description, String type,
        Lifecycle lifecycle, Integer tier, Long ownerTeamId, Long ownerUserId, String ownerPending,
        String systemName, List<String> tags,
        String linksJson, String annotationsJson, Map<OpsLinkKind, String> opsLinks) {
}
