package engawa.portal.slo;

import engawa.portal.slo.SloEventParts.ServiceOfSlo;
import engawa.portal.slo.SloEventParts.SloFigures;
import engawa.portal.webhooks.EventType;
import engawa.portal.webhooks.WebhookEvent;

/**
 * An SLO's error budget fell below a mark on its way down ({@code slo.budget.warning}): once per
 * crossing of 50% and of 25%.
 *
 * @param crossedPercent the mark passed: 50 or 25
 * @param message in English, for a chat message as it is
 */
public record ErrorBudgetWarning(ServiceOfSlo service, SloFigures slo, int crossedPercent, String message)
        implements WebhookEvent {

    public static final EventType TYPE = new EventType("slo.budget.warning", EventType.Audience.MEMBERS,
            EventType.Scoping.NONE, "An SLO has used most of its error budget.", ErrorBudgetWarning::sample);

    @Override
    public EventType type() {
        return TYPE;
    }

    static ErrorBudgetWarning sample() {
        return new ErrorBudgetWarning(ServiceOfSlo.sample(), SloFigures.sample("18.5", "at-risk"), 25,
                "Checkout availability has 18.5% of its error budget left (below 25%) for the last 28 days.");
    }
}
