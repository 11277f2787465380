package engawa.portal.catalog;

/** One field's change, as text; an empty value is {@code ""}. */
public record FieldChange(String from, String to) {
}
