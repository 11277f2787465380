package engawa.portal.catalog.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import engawa.db.catalog.Lifecycle;
import engawa.db.catalog.OpsLinkKind;
import engawa.portal.catalog.ServiceDraft;
import engawa.portal.catalog.ServiceLink;
import engawa.portal.shared.UserFacingException.FieldProblem;
import engawa.portal.shared.api.CheckedBody;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A service as the API writes it: the whole service for POST and PUT. What GET returns but a write
 * cannot change ({@code version}, {@code url} …) may be sent back and is ignored; any other
 * unknown field is refused, so a typo does not silently do nothing.
 *
 * @param opsLinks by kind ({@code logs}, {@code runbook} …); a null value clears one in a patch
 */
@JsonIgnoreProperties({"namespace", "ownerName", "createdAt", "updatedAt", "version", "url"})
record ServiceBody(String name, String title, String description, String type, String lifecycle, Integer tier,
        String owner, String system, List<String> tags, List<ServiceLink> links, Map<String, String> opsLinks,
        List<String> dependsOn, List<String> providesApis, List<String> consumesApis) implements CheckedBody {

    static ServiceBody of(ServiceDraft d) {
        Map<String, String> ops = new LinkedHashMap<>();
        d.opsLinks().forEach((kind, url) -> ops.put(kind.key, url));
        return new ServiceBody(d.name(), d.title(), d.description(), d.type(), d.lifecycle() == null ? null : d.lifecycle().id(),
                d.tier(), d.owner(), d.system(), d.tags(), d.links(), ops, d.dependsOn(), d.providesApis(), d.consumesApis());
    }

    /** What only the API can get wrong: a lifecycle's spelling, a standard link's kind. */
    @Override
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (lifecycle != null && Lifecycle.parse(lifecycle).isEmpty()) {
            problems.add(new FieldProblem("lifecycle", "catalog.api.lifecycle.unknown", lifecycle));
        }
        if (opsLinks != null) {
            opsLinks.keySet().stream().filter(key -> kind(key) == null).forEach(key -> problems.add(new FieldProblem(
                    "opsLinks." + key, "catalog.api.opsLinks.unknown", key,
                    Arrays.stream(OpsLinkKind.values()).map(k -> k.key).collect(Collectors.joining(", ")))));
        }
        return problems;
    }

    /** The draft the catalog checks, from a body {@link #problems()} found nothing wrong with. */
    ServiceDraft draft() {
        Map<OpsLinkKind, String> ops = new EnumMap<>(OpsLinkKind.class);
        if (opsLinks != null) {
            opsLinks.forEach((key, url) -> {
                if (url != null) {
                    ops.put(kind(key), url);
                }
            });
        }
        return new ServiceDraft(name, title, description, type == null ? "service" : type,
                lifecycle == null ? null : Lifecycle.parse(lifecycle).orElseThrow(), tier, owner, system, list(tags),
                links == null ? List.of() : links, ops, list(dependsOn), list(providesApis), list(consumesApis));
    }

    private static OpsLinkKind kind(String key) {
        return Arrays.stream(OpsLinkKind.values()).filter(k -> k.key.equals(key)).findFirst().orElse(null);
    }

    private static List<String> list(List<String> texts) {
        return texts == null ? List.of() : texts;
    }
}
