package engawa.portal.catalog;

import engawa.db.catalog.Lifecycle;
import engawa.db.catalog.OpsLinkKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A service as someone writes it: in the form, the wizard, the API or a catalog file. The rules
 * that need only the values are here; those that need the catalog (an owner that exists, a
 * dependency that is not the service itself, web addresses) are checked by {@link CatalogService}.
 *
 * @param owner a team's short name ({@code payments}, also {@code group:payments}) or {@code user:name}
 * @param opsLinks the standard links that are set
 * @param dependsOn entity references, e.g. {@code component:payments-api} or {@code resource:payments-db}
 * @param providesApis API names or references
 */
public record ServiceDraft(
        @NotBlank(message = "validation.serviceName.required")
        @Size(max = NAME_MAX_LENGTH, message = "validation.serviceName.size")
        @Pattern(regexp = NAME_PATTERN, message = "validation.serviceName.format")
        String name,
        @Size(max = TITLE_MAX_LENGTH, message = "validation.title.size")
        String title,
        @Size(max = DESCRIPTION_MAX_LENGTH, message = "validation.serviceDescription.size")
        String description,
        @NotBlank(message = "validation.type.required")
        @Size(max = NAME_MAX_LENGTH, message = "validation.type.size")
        String type,
        @NotNull(message = "validation.lifecycle.required")
        Lifecycle lifecycle,
        @Min(value = 1, message = "validation.tier.range")
        @Max(value = 4, message = "validation.tier.range")
        Integer tier,
        @NotBlank(message = "validation.owner.required")
        String owner,
        @Size(max = NAME_MAX_LENGTH, message = "validation.system.size")
        @Pattern(regexp = NAME_PATTERN, message = "validation.system.format")
        String system,
        @Size(max = MAX_TAGS, message = "validation.tags.count")
        List<@Size(max = NAME_MAX_LENGTH, message = "validation.tag.size")
             @Pattern(regexp = TAG_PATTERN, message = "validation.tag.format") String> tags,
        @Size(max = MAX_LINKS, message = "validation.links.count")
        List<@Valid ServiceLink> links,
        Map<OpsLinkKind, String> opsLinks,
        @Size(max = MAX_RELATIONS, message = "validation.relations.count")
        List<String> dependsOn,
        @Size(max = MAX_RELATIONS, message = "validation.relations.count")
        List<String> providesApis,
        @Size(max = MAX_RELATIONS, message = "validation.relations.count")
        List<String> consumesApis) {

    public static final int NAME_MAX_LENGTH = 63;
    /** Backstage's rule for names: letters and digits, joined by single {@code - _ .}. */
    public static final String NAME_PATTERN = "^[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*$";
    public static final String TAG_PATTERN = "^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$";
    public static final int TITLE_MAX_LENGTH = 200;
    public static final int DESCRIPTION_MAX_LENGTH = 20_000;
    public static final int URL_MAX_LENGTH = 2000;
    public static final int MAX_TAGS = 30;
    public static final int MAX_LINKS = 30;
    public static final int MAX_RELATIONS = 200;

    /** Trims every text; an empty one is absent, and lists and maps leave out empty entries. */
    public ServiceDraft {
        name = clean(name);
        title = clean(title);
        description = description == null || description.isBlank() ? null : description.strip();
        type = clean(type);
        owner = clean(owner);
        system = clean(system);
        tags = cleanList(tags);
        links = links == null ? List.of() : links.stream().filter(l -> l != null && clean(l.url()) != null)
                .map(l -> new ServiceLink(clean(l.url()), clean(l.title()))).toList();
        Map<OpsLinkKind, String> ops = new EnumMap<>(OpsLinkKind.class);
        if (opsLinks != null) {
            opsLinks.forEach((kind, url) -> {
                if (kind != null && clean(url) != null) {
                    ops.put(kind, clean(url));
                }
            });
        }
        opsLinks = Collections.unmodifiableMap(ops);
        dependsOn = cleanList(dependsOn);
        providesApis = cleanList(providesApis);
        consumesApis = cleanList(consumesApis);
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static List<String> cleanList(List<String> texts) {
        return texts == null ? List.of() : texts.stream().map(ServiceDraft::clean).filter(Objects::nonNull).distinct().toList();
    }
}
