package engawa.portal.people;

import engawa.db.people.Team;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A team to create; {@code parentSlug} may be empty for a top-level team. */
public record NewTeam(
        @NotBlank(message = "validation.slug.required")
        @Size(max = Team.SLUG_MAX_LENGTH, message = "validation.slug.size")
        @Pattern(regexp = Team.SLUG_PATTERN, message = "validation.slug.format")
        String slug,
        @NotBlank(message = "validation.teamName.required")
        @Size(max = Team.NAME_MAX_LENGTH, message = "validation.teamName.size")
        String name,
        @Size(max = Team.DESCRIPTION_MAX_LENGTH, message = "validation.description.size")
        String description,
        String parentSlug) {
}
