package engawa.portal.officehours.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouterLink;
import engawa.db.officehours.Wish;
import engawa.portal.officehours.OfficeHoursService;
import engawa.portal.officehours.Session;
import engawa.portal.officehours.SignupService;
import engawa.portal.shared.ui.Formats;
import engawa.portal.shared.ui.HomeCards;
import engawa.portal.shared.ui.HomeSection;
import engawa.portal.shared.ui.HomeSection.Place;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;

/** What office hours show on Home: the next open doors, and a card for newcomers. */
@Configuration(proxyBeanMethods = false)
class OfficeHoursHomeSections {

    /**
     * The person's next sessions (those they signed up for), or, when they have none, the next open
     * doors anyone may still come to.
     */
    @Bean
    HomeSection nextSessionsOnHome(OfficeHoursService sessions, Clock clock) {
        return HomeSection.of(Place.FOR_YOU, 20, home -> {
            Div box = new Div();
            box.setId("home-sessions");
            box.addClassName("home-sessions");
            List<Session> mine = sessions.list(new OfficeHoursService.Query(null, null, null, null, true), PageRequest.of(0, 3));
            if (!mine.isEmpty()) {
                box.add(new H2(home.getTranslation("home.mySessions")));
                mine.forEach(s -> box.add(SessionCards.card(home, s, Formats.zone(), clock.instant())));
                box.add(new RouterLink(home.getTranslation("home.nextSessions.all"), OfficeHoursView.class));
                return Optional.of(box);
            }
            box.add(new H2(home.getTranslation("home.nextSessions")));
            List<Session> next = sessions.list(new OfficeHoursService.Query(null, null, null, null, false), PageRequest.of(0, 3));
            if (next.isEmpty()) {
                box.add(new Paragraph(home.getTranslation("home.nextSessions.none")));
            }
            next.forEach(s -> box.add(SessionCards.card(home, s, Formats.zone(), clock.instant())));
            box.add(new RouterLink(home.getTranslation("home.nextSessions.all"), OfficeHoursView.class));
            return Optional.of(box);
        });
    }

    /** For hosts: their next session and what the people coming want to automate. */
    @Bean
    HomeSection hostingOnHome(OfficeHoursService sessions, SignupService signups, Clock clock) {
        return HomeSection.of(Place.YOUR_WORK, 20, home -> {
            Optional<Session> next = sessions.nextHosted();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            Div box = new Div(new H2(home.getTranslation("home.hosting")),
                    SessionCards.card(home, next.get(), Formats.zone(), clock.instant()));
            box.setId("home-hosting");
            box.addClassName("home-box");
            List<Wish> wishes = signups.wishes(next.get().row().id());
            if (!wishes.isEmpty()) {
                UnorderedList asked = new UnorderedList();
                wishes.stream().limit(5).forEach(w -> asked.add(new ListItem(
                        home.getTranslation("home.hosting.wish", w.text(), w.people()))));
                box.add(new Paragraph(home.getTranslation("home.hosting.asked")), asked);
            }
            return Optional.of(box);
        });
    }

    @Bean
    HomeSection officeHoursCardOnHome() {
        return HomeSection.of(Place.DISCOVER, 20, home -> {
            return Optional.of(HomeCards.card(home, VaadinIcon.COFFEE, "home.officeHours.title",
                    "home.officeHours.text", OfficeHoursView.class));
        });
    }
}
