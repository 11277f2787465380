package engawa.portal.app;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import engawa.portal.people.TeamSummary;
import engawa.portal.people.UserAccountService;
import engawa.portal.people.UserProfile;
import engawa.portal.people.ui.CurrentPerson;
import engawa.portal.shared.ui.HomeSection;
import engawa.portal.shared.ui.HomeSection.Place;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;

/**
 * The veranda: what concerns the person first, then their work, then what Engawa offers in words
 * anyone understands, and where they belong. The sections come from the features
 * ({@link HomeSection}), so Home knows none of them.
 */
@Route("")
@Menu(title = "nav.home", order = 0, icon = "vaadin:home-o")
@PermitAll
public class HomeView extends Div implements HasDynamicTitle {

    HomeView(CurrentPerson person, UserAccountService users, List<HomeSection> sections) {
        addClassName("page");
        addClassName("home-view");
        UserProfile profile = users.profile(person.username());
        H1 greeting = new H1(getTranslation("home.greeting", profile.user().displayName()));
        greeting.setId("home-greeting");
        add(greeting, new Paragraph(getTranslation("home.intro")));

        List<HomeSection> ordered = sections.stream().sorted(Comparator.comparingInt(HomeSection::order)).toList();
        for (Place place : List.of(Place.FOR_YOU, Place.YOUR_WORK)) {
            ordered.stream().filter(s -> s.place() == place).forEach(s -> s.create(this).ifPresent(this::add));
        }
        Div cards = new Div();
        cards.addClassName("home-cards");
        ordered.stream().filter(s -> s.place() == Place.DISCOVER).forEach(s -> s.create(this).ifPresent(cards::add));
        add(cards);
        add(teams(profile.teams()));
    }

    private Component teams(List<TeamSummary> teams) {
        Div box = new Div(new H2(getTranslation("home.yourTeams")));
        if (teams.isEmpty()) {
            box.add(new Paragraph(getTranslation("home.noTeams")));
            return box;
        }
        Div list = new Div();
        list.addClassName("team-chips");
        teams.forEach(team -> {
            Anchor chip = new Anchor("teams/" + team.slug(), team.name());
            chip.getElement().getThemeList().add("badge");
            chip.getElement().setAttribute("title", team.description() == null ? team.slug() : team.description());
            list.add(chip);
        });
        box.add(list);
        return box;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " · " + getTranslation("app.name");
    }
}
