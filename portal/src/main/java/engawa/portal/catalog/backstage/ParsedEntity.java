package engawa.portal.catalog.backstage;

/** A valid entity and where it came from. */
public record ParsedEntity(String file, int documentIndex, BackstageEntity entity) {
}
