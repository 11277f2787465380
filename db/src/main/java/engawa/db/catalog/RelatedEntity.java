package engawa.db.catalog;

/**
 * One end of a relation as a service page shows it. When the reference points at nothing in the
 * catalog, only {@code relation} and {@code ref} are set.
 *
 * @param kind {@code component} for a service, else the entity's kind
 * @param serviceId the service's id when the entity is one (a dependant, or a service depended on)
 */
public record RelatedEntity(Relation relation, String ref, String kind, String name, String title, String type,
        String lifecycle, Long serviceId) {

    public boolean inCatalog() {
        return name != null;
    }
}
