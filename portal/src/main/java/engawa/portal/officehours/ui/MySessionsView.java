package engawa.portal.officehours.ui;

import org.springframework.data.domain.PageRequest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import engawa.portal.officehours.CalendarService;
import engawa.portal.officehours.OfficeHoursService;
import engawa.portal.officehours.Session;
import engawa.portal.shared.ui.Card;
import engawa.portal.shared.ui.FormErrors;
import engawa.portal.shared.ui.Formats;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "My sessions": what the person signed up to or hosts, and the secret address of their own
 * calendar feed, shown once when made (only its hash is kept) and reset whenever they like.
 */
@Route("office-hours/mine")
@PermitAll
public class MySessionsView extends Div implements HasDynamicTitle {

    private static final int LIMIT = 100;

    MySessionsView(OfficeHoursService sessions, CalendarService calendars, Clock clock) {
        addClassName("page");
        addClassName("my-sessions-view");
        RouterLink back = new RouterLink(getTranslation("officeHours.back"), OfficeHoursView.class);
        back.addClassName("back-link");
        add(back, new H1(getTranslation("officeHours.mine.title")));
        Div list = new Div();
        list.setId("my-sessions");
        List<Session> mine = sessions.list(new OfficeHoursService.Query(null, null, null, null, true), PageRequest.of(0, LIMIT));
        if (mine.isEmpty()) {
            list.add(new Paragraph(getTranslation("officeHours.mine.none")),
                    new RouterLink(getTranslation("officeHours.mine.browse"), OfficeHoursView.class));
        }
        Instant now = clock.instant();
        mine.forEach(s -> list.add(SessionCards.card(this, s, Formats.zone(), now)));
        // the feed first: the list of a host's weekly series can be long
        add(feedCard(calendars), list);
    }

    private Div feedCard(CalendarService calendars) {
        Div card = new Card(getTranslation("officeHours.feed.title"));
        card.setId("calendar-feed");
        card.add(new Paragraph(getTranslation("officeHours.feed.text")));
        TextField address = new TextField(getTranslation("officeHours.feed.address"));
        address.setId("feed-url");
        address.setReadOnly(true);
        address.setWidthFull();
        address.setVisible(false);
        Paragraph once = new Paragraph(getTranslation("officeHours.feed.once"));
        once.addClassName("hint");
        once.setVisible(false);
        Optional<Instant> made = calendars.feedCreatedAt();
        Paragraph state = new Paragraph(made.map(at -> getTranslation("officeHours.feed.made", Formats.dateTime(at)))
                .orElse(getTranslation("officeHours.feed.notYet")));
        state.setId("feed-state");
        Button create = new Button(getTranslation(made.isPresent() ? "officeHours.feed.reset" : "officeHours.feed.create"),
                VaadinIcon.CALENDAR_USER.create());
        create.setId("feed-create");
        create.addThemeVariants(made.isPresent() ? ButtonVariant.LUMO_CONTRAST : ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> {
            address.setValue(calendars.resetFeed());
            address.setVisible(true);
            once.setVisible(true);
            state.setText(getTranslation(made.isPresent() ? "officeHours.feed.madeNow" : "officeHours.feed.madeFirst"));
            create.setText(getTranslation("officeHours.feed.reset"));
            FormErrors.notifySuccess(getTranslation("officeHours.feed.created"));
        });
        card.add(state, address, once, create);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("officeHours.mine.title") + " · " + getTranslation("app.name");
    }
}
