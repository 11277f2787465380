package engawa.portal.slo;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import engawa.portal.slo.SloEventParts.ServiceOfSlo;
import engawa.portal.slo.SloEventParts.SloFigures;
import engawa.portal.webhooks.EventType;
import engawa.portal.webhooks.WebhookEvent;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * An SLO's alert level changed ({@code slo.alert.changed}): none, ticket or page, by the SRE
 * workbook's multiwindow burn-rate rules.
 *
 * @param exhaustedIn at the last hour's pace, when the budget is gone; null when it is not burning
 */
public record SloAlertChanged(ServiceOfSlo service, SloFigures slo, AlertChange alert, String message,
        @JsonIgnore Duration exhaustedIn) implements WebhookEvent {

    public static final EventType TYPE = new EventType("slo.alert.changed", EventType.Audience.MEMBERS,
            EventType.Scoping.NONE,
            "An SLO's alert level changed (none, ticket, page), by the SRE workbook's multiwindow burn-rate rules.",
            SloAlertChanged::sample);

    /** From which level to which, with the burn rates (null where a window has no data) that decided it. */
    public record AlertChange(String from, String to,
            @JsonProperty("burn_rate_5m") BigDecimal burnRate5m, @JsonProperty("burn_rate_30m") BigDecimal burnRate30m,
            @JsonProperty("burn_rate_1h") BigDecimal burnRate1h, @JsonProperty("burn_rate_2h") BigDecimal burnRate2h,
            @JsonProperty("burn_rate_6h") BigDecimal burnRate6h, @JsonProperty("burn_rate_1d") BigDecimal burnRate1d,
            @JsonProperty("burn_rate_3d") BigDecimal burnRate3d) {
    }

    @Override
    public EventType type() {
        return TYPE;
    }

    static SloAlertChanged sample() {
        return new SloAlertChanged(ServiceOfSlo.sample(), SloFigures.sample("64.2", "burning-fast"),
                new AlertChange("none", "page", new BigDecimal("18.00"), new BigDecimal("16.90"), new BigDecimal("16.20"),
                        new BigDecimal("9.40"), new BigDecimal("3.10"), new BigDecimal("1.20"), new BigDecimal("0.60")),
                "Checkout availability is burning its error budget fast: at this pace it is gone in 1 day 17 hours.",
                Duration.ofHours(41));
    }
}
