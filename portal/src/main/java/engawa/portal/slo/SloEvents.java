package engawa.portal.slo;

import engawa.db.slo.SloRow;
import engawa.portal.shared.PublicUrl;
import engawa.portal.webhooks.EventType;
import engawa.portal.webhooks.WebhookEvents;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code slo.budget.warning}, {@code slo.budget.exhausted} and {@code slo.alert.changed}, shaped as {@link EventType}'s samples. */
@Component
class SloEvents {

    private final WebhookEvents events;
    private final PublicUrl publicUrl;

    SloEvents(WebhookEvents events, PublicUrl publicUrl) {
        this.events = events;
        this.publicUrl = publicUrl;
    }

    void budgetWarning(SloRow slo, SloStatus status, int mark) {
        Map<String, Object> data = base(slo, status);
        data.put("crossed_percent", mark);
        data.put("message", "%s has %s%% of its error budget left (below %d%%) for %s.".formatted(title(slo),
                percent(status.remainingPercent()).toPlainString(), mark, SloTexts.windowEnglish(slo.values())));
        events.publish(EventType.SLO_BUDGET_WARNING, data);
    }

    void budgetExhausted(SloRow slo, SloStatus status) {
        Map<String, Object> data = base(slo, status);
        data.put("message", "%s has used all of its error budget for %s: reliability work comes first.".formatted(
                title(slo), SloTexts.windowEnglish(slo.values())));
        events.publish(EventType.SLO_BUDGET_EXHAUSTED, data);
    }

    void alertChanged(SloRow slo, SloStatus status, AlertLevel from) {
        Map<String, Object> data = base(slo, status);
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("from", from.name().toLowerCase(Locale.ROOT));
        alert.put("to", status.alert().name().toLowerCase(Locale.ROOT));
        for (BurnWindow w : BurnWindow.values()) {
            BigDecimal rate = status.burnRates().get(w);
            alert.put("burn_rate_" + w.label, rate == null ? null : rate.setScale(2, RoundingMode.HALF_UP));
        }
        data.put("alert", alert);
        String message = switch (status.alert()) {
            case PAGE -> "%s is burning its error budget fast%s.".formatted(title(slo), lasts(status));
            case TICKET -> "%s is burning its error budget faster than it can afford%s.".formatted(title(slo), lasts(status));
            case NONE -> "%s no longer burns its error budget fast.".formatted(title(slo));
        };
        data.put("message", message);
        events.publish(EventType.SLO_ALERT_CHANGED, data);
    }

    private static String lasts(SloStatus status) {
        return status.exhaustedIn() == null ? "" : ": at this pace it is gone in " + SloTexts.durationEnglish(status.exhaustedIn());
    }

    private Map<String, Object> base(SloRow slo, SloStatus status) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("name", slo.serviceName());
        service.put("owner", slo.teamSlug() != null ? slo.teamSlug() : "user:" + slo.ownerUsername());
        service.put("url", publicUrl.of("/services/" + slo.serviceName()));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", String.valueOf(slo.id()));
        s.put("name", slo.values().name());
        s.put("title", title(slo));
        s.put("objective_percent", SloRules.percent(slo.values().objective()));
        s.put("window", SloRules.windowKey(slo.values()));
        s.put("budget_remaining_percent", status.remainingPercent() == null ? null : percent(status.remainingPercent()));
        s.put("state", status.state().key());
        s.put("url", publicUrl.of("/slos/" + slo.id()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("service", service);
        data.put("slo", s);
        return data;
    }

    static String title(SloRow slo) {
        return slo.values().displayName() != null ? slo.values().displayName() : slo.values().name();
    }

    private static BigDecimal percent(BigDecimal value) {
        return SloRules.plain(value.setScale(1, RoundingMode.DOWN));
    }
}
