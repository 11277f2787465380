package engawa.portal.shared.api;

import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.UserFacingException.FieldProblem;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads request bodies into records strictly, telling every problem at once: an unknown field, a
 * text where a number belongs, a list where an object belongs, each named by its field
 * ({@code links[0].url}), so that a client fixes them in one go. Bodies over the size limit are
 * refused before they are parsed.
 *
 * <p>Jackson stops at the first problem; so the body is read as a tree, and each problem found is
 * noted and taken out of the tree before reading it again, {@value #MAX_PROBLEMS} problems at most.
 */
public final class JsonBodies {

    static final int MAX_PROBLEMS = 20;

    private final ObjectReader reader;
    private final int maxBytes;

    public JsonBodies(JsonMapper json, int maxBytes) {
        this.reader = json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build().reader();
        this.maxBytes = maxBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** Refuses with 413 what is over the limit, without reading more than one byte past it. */
    public byte[] readBounded(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new UserFacingException(UserFacingException.Kind.TOO_LARGE, "api.body.tooLarge", maxBytes / 1024);
        }
        return bytes;
    }

    public <T> T read(byte[] body, Class<T> type) {
        return read(body, reader.getTypeFactory().constructType(type));
    }

    /**
     * @throws NotJson for a body that is not JSON at all (HTTP 400)
     * @throws UserFacingException 422 with every field problem
     */
    public <T> T read(byte[] body, JavaType type) {
        JsonNode tree;
        try {
            tree = reader.readTree(body);
        } catch (JacksonException e) {
            throw new NotJson();
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw UserFacingException.invalid("api.body.missing");
        }
        List<FieldProblem> problems = new ArrayList<>();
        // an empty item in a list is never meant: say where, rather than fail deep inside with a server error
        nullItems(tree, "", problems);
        if (!problems.isEmpty()) {
            throw UserFacingException.invalidFields(problems);
        }
        while (true) {
            try {
                T value = reader.forType(type).readValue(tree);
                if (value instanceof CheckedBody checked) {
                    problems.addAll(checked.problems());
                }
                if (problems.isEmpty()) {
                    return value;
                }
                break;
            } catch (UnrecognizedPropertyException e) {
                problems.add(new FieldProblem(field(e), "api.body.field.unknown", e.getPropertyName(),
                        e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream().map(String::valueOf)
                                .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(", "))));
                if (!takeOut(tree, e.getPath()) || problems.size() >= MAX_PROBLEMS) {
                    break;
                }
            } catch (MismatchedInputException e) {
                problems.add(new FieldProblem(field(e), e.getTargetType() == null ? "api.body.shape" : expected(e.getTargetType())));
                if (!takeOut(tree, e.getPath()) || problems.size() >= MAX_PROBLEMS) {
                    break;
                }
            } catch (JacksonException e) {
                problems.add(new FieldProblem(field(e), "api.body.shape"));
                break;
            }
        }
        throw UserFacingException.invalidFields(problems);
    }

    private static void nullItems(JsonNode node, String path, List<FieldProblem> problems) {
        if (problems.size() >= MAX_PROBLEMS) {
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String at = (path.isEmpty() ? "body" : path) + "[" + i + "]";
                if (node.get(i).isNull()) {
                    problems.add(new FieldProblem(at, "api.body.nullItem"));
                } else {
                    nullItems(node.get(i), path + "[" + i + "]", problems);
                }
            }
        } else if (node.isObject()) {
            for (java.util.Map.Entry<String, JsonNode> field : node.properties()) {
                nullItems(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), problems);
            }
        }
    }

    /** A body that is not JSON at all: malformed syntax, which HTTP calls a bad request (400). */
    public static final class NotJson extends RuntimeException {
        NotJson() {
            super("The request body is not valid JSON", null, false, false);
        }
    }

    /**
     * Takes the value at {@code path} out of the tree (a member is removed, a list element becomes
     * null, so that the other elements keep their places); false when nothing can be taken out.
     */
    private static boolean takeOut(JsonNode tree, List<JacksonException.Reference> path) {
        if (path == null || path.isEmpty()) {
            return false;
        }
        JsonNode parent = tree;
        for (JacksonException.Reference step : path.subList(0, path.size() - 1)) {
            parent = step.getPropertyName() != null ? parent.get(step.getPropertyName()) : parent.get(step.getIndex());
            if (parent == null) {
                return false;
            }
        }
        JacksonException.Reference last = path.getLast();
        if (last.getPropertyName() != null && parent instanceof ObjectNode object && object.has(last.getPropertyName())) {
            object.remove(last.getPropertyName());
            return true;
        }
        if (last.getPropertyName() == null && parent instanceof ArrayNode array && last.getIndex() >= 0
                && last.getIndex() < array.size() && !array.get(last.getIndex()).isNull()) {
            array.set(last.getIndex(), NullNode.getInstance());
            return true;
        }
        return false;
    }

    /** The translation key that says what belongs here. */
    static String expected(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) {
            return "api.body.expected.text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class
                || type == short.class || type == BigInteger.class) {
            return "api.body.expected.wholeNumber";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class || type == BigDecimal.class) {
            return "api.body.expected.number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "api.body.expected.boolean";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "api.body.expected.list";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "api.body.expected.time";
        }
        if (type.isEnum()) {
            return "api.body.expected.choice";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "api.body.expected.object";
        }
        return "api.body.shape";
    }

    /** The field as the API names it: {@code links[0].url}; {@code body} for the body as a whole. */
    private static String field(JacksonException e) {
        StringBuilder field = new StringBuilder();
        if (e.getPath() != null) {
            for (JacksonException.Reference step : e.getPath()) {
                if (step.getPropertyName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
                } else if (step.getIndex() >= 0) {
                    field.append('[').append(step.getIndex()).append(']');
                }
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
