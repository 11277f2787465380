package engawa.portal.home.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import engawa.portal.catalog.ui.CatalogView;
import engawa.portal.officehours.OfficeHoursService;
import engawa.portal.officehours.Session;
import engawa.portal.officehours.ui.OfficeHoursView;
import engawa.portal.officehours.ui.SessionCards;
import engawa.portal.people.TeamSummary;
import engawa.portal.people.UserAccountService;
import engawa.portal.people.UserProfile;
import engawa.portal.recipes.TimeSaved;
import engawa.portal.recipes.ui.Minutes;
import engawa.portal.recipes.ui.RecipesView;
import engawa.portal.shared.ui.Formats;
import engawa.portal.shared.ui.CurrentPerson;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.List;

/** The veranda: what Engawa offers, in words anyone understands, and where the person belongs. */
@Route("")
@PermitAll
public class HomeView extends Div implements HasDynamicTitle {

    HomeView(CurrentPerson person, UserAccountService users, TimeSaved timeSaved, OfficeHoursService sessions, Clock clock) {
        addClassName("page");
        addClassName("home-view");
        UserProfile profile = users.profile(person.username());
        H1 greeting = new H1(getTranslation("home.greeting", profile.user().displayName()));
        greeting.setId("home-greeting");
        add(greeting, new Paragraph(getTranslation("home.intro")));
        add(timeSaved(timeSaved.thisMonth(Formats.zone())));

        Div cards = new Div(
                card(VaadinIcon.CLUSTER, "home.catalog.title", "home.catalog.text", CatalogView.class),
                card(VaadinIcon.COFFEE, "home.officeHours.title", "home.officeHours.text", OfficeHoursView.class),
                card(VaadinIcon.MAGIC, "home.recipes.title", "home.recipes.text", RecipesView.class));
        cards.addClassName("home-cards");
        add(cards);
        add(nextSessions(sessions, clock));

        add(new H2(getTranslation("home.yourTeams")));
        List<TeamSummary> teams = profile.teams();
        if (teams.isEmpty()) {
            add(new Paragraph(getTranslation("home.noTeams")));
        } else {
            Div list = new Div();
            list.addClassName("team-chips");
            teams.forEach(team -> {
                Anchor chip = new Anchor("teams/" + team.slug(), team.name());
                chip.getElement().getThemeList().add("badge");
                chip.getElement().setAttribute("title", team.description() == null ? team.slug() : team.description());
                list.add(chip);
            });
            add(list);
        }
    }

    /** The next open doors: three sessions anyone may still come to. */
    private Component nextSessions(OfficeHoursService sessions, Clock clock) {
        Div box = new Div();
        box.setId("home-sessions");
        box.addClassName("home-sessions");
        box.add(new H2(getTranslation("home.nextSessions")));
        List<Session> next = sessions.list(new OfficeHoursService.Query(null, null, null, null, false), 0, 3);
        if (next.isEmpty()) {
            box.add(new Paragraph(getTranslation("home.nextSessions.none")));
        }
        next.forEach(s -> box.add(SessionCards.card(this, s, Formats.zone(), clock.instant())));
        box.add(new RouterLink(getTranslation("home.nextSessions.all"), OfficeHoursView.class));
        return box;
    }

    /** "You saved 2 h 15 min this month; everyone together 41 h": what persuades people to try a recipe. */
    private Component timeSaved(TimeSaved.ThisMonth month) {
        Paragraph text = new Paragraph();
        text.setId("home-time-saved");
        text.addClassName("home-time-saved");
        String everyone = Minutes.format(this, month.everyone());
        text.setText(month.mine() > 0
                ? getTranslation("home.timeSaved", Minutes.format(this, month.mine()), everyone)
                : getTranslation("home.timeSaved.notYet", everyone));
        RouterLink recipes = new RouterLink(getTranslation("home.timeSaved.browse"), RecipesView.class);
        Div box = new Div(VaadinIcon.CLOCK.create(), text, recipes);
        box.addClassName("home-time-box");
        return box;
    }

    private Component card(VaadinIcon icon, String titleKey, String textKey, Class<? extends Component> target) {
        RouterLink link = new RouterLink(target);
        link.addClassName("home-card");
        link.add(icon.create(), new H3(getTranslation(titleKey)), new Paragraph(getTranslation(textKey)));
        return link;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " · " + getTranslation("app.name");
    }
}
