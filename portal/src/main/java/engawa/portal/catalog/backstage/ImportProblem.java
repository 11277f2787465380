package engawa.portal.catalog.backstage;

/**
 * A document that cannot be taken, said so that its author can find and fix it.
 *
 * @param documentIndex 1 for the first document of the file (documents are separated by {@code ---})
 * @param entityRef the entity's reference when it could be read, else null
 */
public record ImportProblem(String file, int documentIndex, String entityRef, String reason) {

    @Override
    public String toString() {
        return file + " #" + documentIndex + (entityRef == null ? "" : " (" + entityRef + ")") + ": " + reason;
    }
}
