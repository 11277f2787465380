package engawa.portal.notifications.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import engawa.db.notifications.EmailOutbox.SentEmail;
import engawa.portal.notifications.NotificationService;
import engawa.portal.shared.PublicUrl;
import engawa.portal.shared.ui.Formats;
import engawa.portal.shared.ui.MenuGroup;
import engawa.portal.shared.ui.GridHeights;
import engawa.portal.shared.ui.ListRow;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;

/**
 * For admins: which e-mails went to whom, about which topic and why, and how sending went. Never
 * what they said: a notice may quote someone's words (a wish, a host's note).
 */
@Route("admin/emails")
@Menu(title = "nav.admin.emails", order = 30, icon = "vaadin:envelope-o")
@MenuGroup(MenuGroup.Group.ADMIN)
@RolesAllowed("ADMIN")
public class SentEmailsView extends Div implements HasDynamicTitle {

    private final Grid<SentEmail> grid = new Grid<>();
    private long total;

    SentEmailsView(NotificationService notifications, PublicUrl publicUrl) {
        addClassName("page");
        // every page has one h1: what screen reader users jump to first
        H1 heading = new H1(getTranslation("nav.admin.emails"));
        heading.addClassName("page-heading");
        add(heading);
        addClassName("sent-emails");
        add(new Paragraph(getTranslation("sentEmails.intro")));
        if (!notifications.emailAvailable()) {
            // an empty list here most often means no mail server: say how to set one
            Paragraph noMail = new Paragraph(getTranslation("sentEmails.noServer"));
            noMail.setId("sent-emails-no-server");
            noMail.addClassName("callout");
            add(noMail);
        }
        com.vaadin.flow.server.VaadinServletRequest request = com.vaadin.flow.server.VaadinServletRequest.getCurrent();
        if (request != null && publicUrl.onlyHereWhileOpenedAt(request.getServerName())) {
            // an installation tried on a shared machine without ENGAWA_PUBLIC_URL: its e-mails' links lead to localhost
            Paragraph onlyHere = new Paragraph(getTranslation("sentEmails.linksOnlyHere", publicUrl.of(""),
                    openedAt(request)));
            onlyHere.setId("sent-emails-links-only-here");
            onlyHere.addClassName("callout");
            add(onlyHere);
        }
        grid.setId("sent-emails");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        // one column that reads like a list: to whom, how it went, when, about what and why;
        // on a phone nothing is cut off at the screen's edge
        grid.addComponentColumn(this::row);
        // counted when opened and on Refresh, not per scroll: the list stays as it was until asked
        total = notifications.countSentEmails();
        grid.setItems(query -> notifications.sentEmails(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, total));
        grid.setEmptyStateText(getTranslation("sentEmails.none"));
        GridHeights.fit(grid, total);
        // an e-mail waiting for the mail server turns to Sent or Given up later: see it without a reload
        Button refresh = new Button(getTranslation("sentEmails.refresh"), VaadinIcon.REFRESH.create(), e -> {
            total = notifications.countSentEmails();
            GridHeights.fit(grid, total);
            grid.getDataProvider().refreshAll();
        });
        refresh.setId("sent-emails-refresh");
        add(refresh, grid);
    }

    private Div row(SentEmail email) {
        Span status = new Span(getTranslation("sentEmails.status." + email.status().toLowerCase(Locale.ROOT)));
        status.getElement().getThemeList().add(switch (email.status()) {
            case "SENT" -> "badge success";
            case "DEAD" -> "badge error";
            default -> "badge";
        });
        Div details = new Div(ListRow.facts(
                ListRow.fact(getTranslation("sentEmails.when"), Formats.dateTime(email.createdAt())),
                ListRow.fact(getTranslation("sentEmails.topic"), getTranslation("notify.topic." + email.topic()))));
        Span why = new Span(email.reason());
        why.addClassName("hint");
        details.add(why);
        if (email.lastError() != null && !"SENT".equals(email.status())) {
            Span error = new Span(email.lastError());
            error.addClassName("list-row-problem");
            details.add(error);
        }
        details.addClassName("list-row-details");
        String to = email.recipientName() == null ? email.to() : email.recipientName() + " <" + email.to() + ">";
        return ListRow.of(to, status, details);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.emails") + " · " + getTranslation("app.name");
    }

    /** The address the person opened Engawa at, as a value for ENGAWA_PUBLIC_URL. */
    private static String openedAt(com.vaadin.flow.server.VaadinServletRequest request) {
        String scheme = request.isSecure() ? "https" : "http";
        int port = request.getServerPort();
        boolean usual = port <= 0 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
        return scheme + "://" + request.getServerName() + (usual ? "" : ":" + port);
    }
}
