package engawa.db.catalog;

import java.util.List;

/**
 * A System, Domain, Resource or API as written; at most one owner.
 *
 * @param kind lower case: {@code system}, {@code domain}, {@code resource} or {@code api}
 * @param ownerPending an owner named in a catalog file that is not in Engawa yet, as written there
 * @param parentRef a System's domain, a Resource's or an API's system, as an entity reference
 * @param specJson the rest of the Backstage spec, a JSON object
 */
public record EntityValues(String kind, String namespace, String name, String title, String description, String type,
        String lifecycle, Long ownerTeamId, Long ownerUserId, String ownerPending, String parentRef, List<String> tags, String linksJson,
        String annotationsJson, String specJson) {
}
