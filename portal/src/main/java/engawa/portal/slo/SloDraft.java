package engawa.portal.slo;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * An SLO as its owners write it, in the API and the form. The rules of each value are here; those
 * of several values (a window's time zone, the two queries together) are {@link SloRules}'.
 *
 * @param name OpenSLO's metadata.name: a DNS label (RFC 1123)
 * @param objectivePercent e.g. 99.9; more than 0 and less than 100
 * @param window {@code 7d}, {@code 28d}, {@code 30d} (rolling) or {@code month} (calendar month)
 * @param timeZone the month's time zone, for {@code month} only (default UTC)
 * @param goodQuery with {@code totalQuery}: Prometheus counters of good and all events, pulled
 *        every few minutes; both empty when measurements are sent
 */
public record SloDraft(
        @NotNull(message = "slo.name.required")
        @Size(max = NAME_MAX_LENGTH, message = "slo.name.format")
        @Pattern(regexp = NAME_PATTERN, message = "slo.name.format")
        String name,
        @Size(max = TITLE_MAX_LENGTH, message = "slo.displayName.long")
        String displayName,
        @Size(max = DESCRIPTION_MAX_LENGTH, message = "slo.description.long")
        String description,
        @NotBlank(message = "slo.goodMeans.required")
        @Size(max = GOOD_MEANS_MAX_LENGTH, message = "slo.goodMeans.long")
        String goodMeans,
        @NotNull(message = "slo.objective.required")
        @DecimalMin(value = "0", inclusive = false, message = "slo.objective.range")
        @DecimalMax(value = "100", inclusive = false, message = "slo.objective.range")
        BigDecimal objectivePercent,
        @NotNull(message = "slo.window.required")
        String window,
        String timeZone,
        @Size(max = QUERY_MAX_LENGTH, message = "slo.query.long")
        String goodQuery,
        @Size(max = QUERY_MAX_LENGTH, message = "slo.query.long")
        String totalQuery) {

    public static final int NAME_MAX_LENGTH = 63;
    public static final String NAME_PATTERN = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    public static final int TITLE_MAX_LENGTH = 200;
    public static final int DESCRIPTION_MAX_LENGTH = 2000;
    public static final int GOOD_MEANS_MAX_LENGTH = 500;
    public static final int QUERY_MAX_LENGTH = 2000;
    /** The error-budget policy a service's owners write (kept with the service's SLOs). */
    public static final int POLICY_MAX_LENGTH = 4000;

    /** Texts trimmed; an empty one is absent. */
    public SloDraft {
        name = trim(name);
        displayName = trim(displayName);
        description = trim(description);
        goodMeans = trim(goodMeans);
        window = trim(window);
        timeZone = trim(timeZone);
        goodQuery = trim(goodQuery);
        totalQuery = trim(totalQuery);
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
