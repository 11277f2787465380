package engawa.portal.catalog.backstage;

/**
 * A document that is fine as it is but is not something Engawa's catalog keeps: a kind it does
 * not import (Template, Environment ...), or a file that is no catalog file at all (an OpenAPI
 * definition beside the entities). Reported apart from problems: nothing in it needs fixing.
 */
public record SkippedDocument(String file, int documentIndex, String entityRef, String reason) {
}
