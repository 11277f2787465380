package engawa.portal.notifications;

import engawa.portal.catalog.ServiceDirectory;
import engawa.portal.catalog.ServiceUpdated;
import engawa.portal.people.PeopleDirectory;
import engawa.portal.slo.ErrorBudgetExhausted;
import engawa.portal.slo.ErrorBudgetWarning;
import engawa.portal.slo.SloAlertChanged;
import engawa.portal.slo.SloEventParts.ServiceOfSlo;
import engawa.portal.slo.SloEventParts.SloFigures;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who hears what about services: their owners, when an SLO's error budget falls below a half or a
 * quarter or runs out, when an SLO starts paging, and when a service became theirs (an owner named
 * before the team existed resolves to it, or someone hands it over).
 */
@Component
class ServiceNotices {

    private final Notifier notifier;
    private final ServiceDirectory services;
    private final PeopleDirectory people;

    ServiceNotices(Notifier notifier, ServiceDirectory services, PeopleDirectory people) {
        this.notifier = notifier;
        this.services = services;
        this.people = people;
    }

    @EventListener
    void on(ErrorBudgetWarning event) {
        notifier.tell(owners(event.service()), Notice.of(Topic.MY_SERVICES, "budgetWarning", link(event.slo()),
                "An SLO of a service you own is below " + event.crossedPercent() + "% of its error budget", title(event.slo()),
                Text.of(event.service().name()), Text.of(String.valueOf(event.crossedPercent()))));
    }

    @EventListener
    void on(ErrorBudgetExhausted event) {
        notifier.tell(owners(event.service()), Notice.of(Topic.MY_SERVICES, "budgetExhausted", link(event.slo()),
                "An SLO of a service you own has used all of its error budget", title(event.slo()),
                Text.of(event.service().name())));
    }

    @EventListener
    void on(SloAlertChanged event) {
        if (!"page".equals(event.alert().to())) {
            return;
        }
        notifier.tell(owners(event.service()), Notice.of(Topic.MY_SERVICES, "sloPaging", link(event.slo()),
                "An SLO of a service you own is burning its error budget fast", title(event.slo()),
                Text.of(event.service().name())));
    }

    @EventListener
    void on(ServiceUpdated event) {
        if (!event.changes().containsKey("owner")) {
            return;
        }
        List<Long> owners = new ArrayList<>(people.peopleOwning(event.service().ownerTeamId(), event.service().ownerUserId()));
        people.person(event.actor()).ifPresent(actor -> owners.remove(actor.id()));
        notifier.tell(owners, Notice.of(Topic.MY_SERVICES, "serviceNowYours", "/services/" + event.service().name(),
                "A service became yours", Text.of(event.service().title()), Text.of(event.service().ownerName())));
    }

    private List<Long> owners(ServiceOfSlo service) {
        return services.ownerPeople(service.serviceId());
    }

    private static String link(SloFigures slo) {
        return "/slos/" + slo.id();
    }

    private static Text title(SloFigures slo) {
        return Text.of(slo.title() == null || slo.title().isBlank() ? slo.name() : slo.title());
    }
}
