package engawa.portal.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the field a broken rule is about, as the API and the forms call it: the path below the
 * method's argument, with list positions ({@code links[0].url}, {@code tags[2]}).
 */
public final class FieldPaths {

    private FieldPaths() {
    }

    public static String below(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.isInIterable()) {
                path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                path.append(path.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return path.toString();
    }

    /**
     * The names a form may know a field by, most specific first: {@code links[0].url} is tried as
     * itself, as {@code links.url} and as {@code links}; {@code opsLinks.logs} also as {@code logs}.
     */
    public static List<String> candidates(String field) {
        List<String> names = new ArrayList<>();
        names.add(field);
        String withoutIndexes = field.replaceAll("\\[[^]]*]", "");
        names.add(withoutIndexes);
        int dot = withoutIndexes.indexOf('.');
        if (dot > 0) {
            names.add(withoutIndexes.substring(0, dot));
            names.add(withoutIndexes.substring(withoutIndexes.lastIndexOf('.') + 1));
        }
        return names.stream().distinct().toList();
    }
}
