package engawa.portal.slo;

import engawa.portal.slo.SloEventParts.ServiceOfSlo;
import engawa.portal.slo.SloEventParts.SloFigures;
import engawa.portal.webhooks.EventType;
import engawa.portal.webhooks.WebhookEvent;

/** An SLO has used all of its error budget ({@code slo.budget.exhausted}): once, until it recovers. */
public record ErrorBudgetExhausted(ServiceOfSlo service, SloFigures slo, String message) implements WebhookEvent {

    public static final EventType TYPE = new EventType("slo.budget.exhausted", EventType.Audience.MEMBERS,
            EventType.Scoping.NONE, "An SLO has used all of its error budget.", ErrorBudgetExhausted::sample);

    @Override
    public EventType type() {
        return TYPE;
    }

    static ErrorBudgetExhausted sample() {
        return new ErrorBudgetExhausted(ServiceOfSlo.sample(), SloFigures.sample("0", "spent"),
                "Checkout availability has used all of its error budget for the last 28 days: reliability work comes first.");
    }
}
