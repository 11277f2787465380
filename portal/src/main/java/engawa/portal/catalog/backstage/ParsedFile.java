package engawa.portal.catalog.backstage;

import java.util.List;

/** What one file held: the entities that can be taken and a problem for every document that cannot. */
public record ParsedFile(List<ParsedEntity> entities, List<ImportProblem> problems) {
}
