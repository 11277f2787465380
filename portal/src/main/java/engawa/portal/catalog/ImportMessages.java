package engawa.portal.catalog;

import engawa.portal.catalog.backstage.BackstageEntity;
import engawa.portal.shared.Translations;
import engawa.portal.shared.UserFacingException;
import java.util.Map;

/** What an import tells people about a document, in English: the report is read in the API and the page alike. */
final class ImportMessages {

    private ImportMessages() {
    }

    static String notYours(String owner) {
        return "This belongs to " + owner + ", and you may import only what your own teams own. Ask a member of "
                + owner + " or an Engawa admin.";
    }

    static String unknownOwner(String owner) {
        if (owner != null && owner.contains("@")) {
            return "spec.owner \"" + owner + "\" is an e-mail address. An owner is a team (group:name) or a person"
                    + " (user:name): write the owning team's name.";
        }
        return "spec.owner \"" + owner + "\" is neither a team nor a person in Engawa, nor a Group or User in this"
                + " import. Import its Group, or correct the owner.";
    }

    static String pendingOwner(String written, Owner owner) {
        return written.contains("@")
                ? "spec.owner \"" + written + "\" is an e-mail address, which no team or person in a catalog is named."
                        + " It was taken without an owner that Engawa knows; write the owning team's name."
                : "The owner " + owner.name() + " is not in Engawa yet. It was taken, and " + owner.name()
                        + " owns it once its " + (owner.key().startsWith("user:") ? "User" : "Group") + " is imported;"
                        + " until then only admins change it.";
    }

    static String onlyAdminsImportPeople() {
        return "Only admins import teams (Group) and people (User). Leave them out, or ask an Engawa admin to import"
                + " the file.";
    }

    /** A translated message in English, as the report gives it. */
    static String english(String key) {
        return new UserFacingException(UserFacingException.Kind.INVALID, key).messageIn(Translations.ENGLISH);
    }

    /** The field as a catalog file names it. */
    static String fieldName(String field) {
        String root = field.replaceAll("[\\[.].*$", "");
        return switch (root) {
            case "name", "title", "description", "tags", "links" -> "metadata." + field;
            case "opsLinks" -> "metadata.links";
            default -> "spec." + field;
        };
    }

    static Map<?, ?> profile(BackstageEntity e) {
        return e.spec().get("profile") instanceof Map<?, ?> profile ? profile : Map.of();
    }

    static String firstText(Object... values) {
        for (Object value : values) {
            String text = text(value);
            if (text != null) {
                return text;
            }
        }
        return "";
    }

    static String text(Object value) {
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).strip();
    }
}
