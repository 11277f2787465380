package engawa.portal.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A link of a service that is not one of the standard ops links (a design doc, a status page). */
public record ServiceLink(
        @NotBlank(message = "validation.url.required")
        @Size(max = ServiceDraft.URL_MAX_LENGTH, message = "validation.url.size")
        String url,
        @Size(max = ServiceDraft.TITLE_MAX_LENGTH, message = "validation.linkTitle.size")
        String title) {
}
