package engawa.portal.slo;

import engawa.db.slo.SloRow;
import engawa.portal.shared.PublicUrl;
import engawa.portal.slo.SloAlertChanged.AlertChange;
import engawa.portal.slo.SloEventParts.ServiceOfSlo;
import engawa.portal.slo.SloEventParts.SloFigures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Publishes {@link ErrorBudgetWarning}, {@link ErrorBudgetExhausted} and {@link SloAlertChanged}. */
@Component
class SloEvents {

    private final ApplicationEventPublisher publisher;
    private final PublicUrl publicUrl;

    SloEvents(ApplicationEventPublisher publisher, PublicUrl publicUrl) {
        this.publisher = publisher;
        this.publicUrl = publicUrl;
    }

    void budgetWarning(SloRow slo, SloStatus status, int mark) {
        publisher.publishEvent(new ErrorBudgetWarning(service(slo), figures(slo, status), mark,
                "%s has %s%% of its error budget left (below %d%%) for %s.".formatted(title(slo),
                        percent(status.remainingPercent()).toPlainString(), mark, SloTexts.windowEnglish(slo.values()))));
    }

    void budgetExhausted(SloRow slo, SloStatus status) {
        publisher.publishEvent(new ErrorBudgetExhausted(service(slo), figures(slo, status),
                "%s has used all of its error budget for %s: reliability work comes first.".formatted(
                        title(slo), SloTexts.windowEnglish(slo.values()))));
    }

    void alertChanged(SloRow slo, SloStatus status, AlertLevel from) {
        AlertChange alert = new AlertChange(from.name().toLowerCase(Locale.ROOT),
                status.alert().name().toLowerCase(Locale.ROOT), rate(status, BurnWindow.M5), rate(status, BurnWindow.M30),
                rate(status, BurnWindow.H1), rate(status, BurnWindow.H2), rate(status, BurnWindow.H6),
                rate(status, BurnWindow.D1), rate(status, BurnWindow.D3));
        String message = switch (status.alert()) {
            case PAGE -> "%s is burning its error budget fast%s.".formatted(title(slo), lasts(status));
            case TICKET -> "%s is burning its error budget faster than it can afford%s.".formatted(title(slo), lasts(status));
            case NONE -> "%s no longer burns its error budget fast.".formatted(title(slo));
        };
        publisher.publishEvent(new SloAlertChanged(service(slo), figures(slo, status), alert, message, status.exhaustedIn()));
    }

    private static BigDecimal rate(SloStatus status, BurnWindow window) {
        BigDecimal rate = status.burnRates().get(window);
        return rate == null ? null : rate.setScale(2, RoundingMode.HALF_UP);
    }

    private static String lasts(SloStatus status) {
        return status.exhaustedIn() == null ? "" : ": at this pace it is gone in " + SloTexts.durationEnglish(status.exhaustedIn());
    }

    private ServiceOfSlo service(SloRow slo) {
        return new ServiceOfSlo(slo.serviceName(), slo.teamSlug() != null ? slo.teamSlug() : "user:" + slo.ownerUsername(),
                publicUrl.of("/services/" + slo.serviceName()), slo.serviceId());
    }

    private SloFigures figures(SloRow slo, SloStatus status) {
        return new SloFigures(String.valueOf(slo.id()), slo.values().name(), title(slo),
                SloRules.percent(slo.values().objective()), SloRules.windowKey(slo.values()),
                status.remainingPercent() == null ? null : percent(status.remainingPercent()), status.state().key(),
                publicUrl.of("/slos/" + slo.id()));
    }

    static String title(SloRow slo) {
        return slo.values().displayName() != null ? slo.values().displayName() : slo.values().name();
    }

    private static BigDecimal percent(BigDecimal value) {
        return SloRules.plain(value.setScale(1, RoundingMode.DOWN));
    }
}
