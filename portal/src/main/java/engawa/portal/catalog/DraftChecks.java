package engawa.portal.catalog;

import engawa.db.catalog.Relation;
import engawa.portal.people.OwnerRef;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.UserFacingException.FieldProblem;
import engawa.portal.shared.WebUrls;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of a service that need the catalog: the owner exists, references are references
 * (and not to the service itself), every address is a web address. All problems at once, each
 * named by its field, so a form can show them where they are.
 */
final class DraftChecks {

    static final Set<String> DEPENDENCY_KINDS = Set.of("component", "resource");
    static final Set<String> API_KINDS = Set.of("api");

    private DraftChecks() {
    }

    static ResolvedDraft resolve(ServiceDraft draft, String namespace, OwnerDirectory owners) {
        List<FieldProblem> problems = new ArrayList<>();
        Owner owner = owner(draft.owner(), owners, problems);
        draft.opsLinks().forEach((kind, url) -> {
            if (!WebUrls.isWebUrl(url)) {
                problems.add(new FieldProblem("opsLinks." + kind.key, "validation.url.format"));
            }
        });
        for (int i = 0; i < draft.links().size(); i++) {
            if (!WebUrls.isWebUrl(draft.links().get(i).url())) {
                problems.add(new FieldProblem("links[" + i + "].url", "validation.url.format"));
            }
        }
        String self = draft.name() == null ? null : Refs.ofService(namespace, draft.name());
        Map<Relation, List<String>> relations = new EnumMap<>(Relation.class);
        relations.put(Relation.DEPENDS_ON, refs("dependsOn", draft.dependsOn(), "component", DEPENDENCY_KINDS, self, problems));
        relations.put(Relation.PROVIDES_API, refs("providesApis", draft.providesApis(), "api", API_KINDS, null, problems));
        relations.put(Relation.CONSUMES_API, refs("consumesApis", draft.consumesApis(), "api", API_KINDS, null, problems));
        if (!problems.isEmpty()) {
            throw UserFacingException.invalidFields(problems);
        }
        return new ResolvedDraft(draft, owner, relations);
    }

    /**
     * Reads {@code payments}, {@code group:payments}, {@code group:default/payments} or
     * {@code user:kenji}. A bare name is a team's, as in Backstage; when no team has it but a person
     * does, it is that person (older catalogs write {@code owner: guest} for a user).
     */
    static Optional<Owner> findOwner(String text, OwnerDirectory owners) {
        return OwnerRef.parse(text).flatMap(ref -> {
            Optional<Owner> found = ref.person() ? owners.person(ref.name())
                    : owners.team(ref.name()).or(() -> ref.bare() ? owners.person(ref.name()) : Optional.empty());
            return found.isPresent() ? found : owners.pending(ref.person() ? "user" : "group", ref.name(), ref.bare());
        });
    }

    private static Owner owner(String text, OwnerDirectory owners, List<FieldProblem> problems) {
        if (text == null) {
            return null; // Bean Validation has said so already
        }
        Optional<Owner> owner = findOwner(text, owners);
        if (owner.isEmpty()) {
            problems.add(new FieldProblem("owner", "catalog.owner.unknown", text));
        }
        return owner.orElse(null);
    }

    private static List<String> refs(String field, List<String> texts, String defaultKind, Set<String> kinds, String self,
            List<FieldProblem> problems) {
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            Optional<String> ref = Refs.normalise(text, defaultKind, kinds);
            if (ref.isEmpty()) {
                problems.add(new FieldProblem(field + "[" + i + "]", "catalog.ref.format." + field, text));
            } else if (ref.get().equals(self)) {
                problems.add(new FieldProblem(field + "[" + i + "]", "catalog.dependsOn.self"));
            } else if (!refs.contains(ref.get())) {
                refs.add(ref.get());
            }
        }
        return refs;
    }
}
