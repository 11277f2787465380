package engawa.portal.notifications.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import engawa.db.notifications.EmailOutbox.SentEmail;
import engawa.portal.notifications.NotificationService;
import engawa.portal.shared.ui.Formats;
import engawa.portal.shared.ui.MenuGroup;
import engawa.portal.shared.ui.GridHeights;
import jakarta.annotation.security.RolesAllowed;

/**
 * For admins: which e-mails went to whom, about which topic and why, and how sending went. Never
 * what they said: a notice may quote someone's words (a wish, a host's note).
 */
@Route("admin/emails")
@Menu(title = "nav.admin.emails", order = 30, icon = "vaadin:envelope-o")
@MenuGroup(MenuGroup.Group.ADMIN)
@RolesAllowed("ADMIN")
public class SentEmailsView extends Div implements HasDynamicTitle {

    SentEmailsView(NotificationService notifications) {
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
        Grid<SentEmail> grid = new Grid<>();
        grid.setId("sent-emails");
        grid.addColumn(e -> Formats.dateTime(e.createdAt())).setHeader(getTranslation("sentEmails.when")).setAutoWidth(true);
        grid.addColumn(e -> e.recipientName() == null ? e.to() : e.recipientName() + " <" + e.to() + ">")
                .setHeader(getTranslation("sentEmails.to")).setFlexGrow(1);
        grid.addColumn(e -> getTranslation("notify.topic." + e.topic())).setHeader(getTranslation("sentEmails.topic"))
                .setAutoWidth(true);
        grid.addColumn(SentEmail::reason).setHeader(getTranslation("sentEmails.reason")).setFlexGrow(2);
        grid.addColumn(e -> getTranslation("sentEmails.status." + e.status().toLowerCase(java.util.Locale.ROOT))
                + (e.lastError() == null || "SENT".equals(e.status()) ? "" : ": " + e.lastError()))
                .setHeader(getTranslation("sentEmails.status")).setFlexGrow(1);
        grid.setItems(query -> notifications.sentEmails(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, notifications.countSentEmails()));
        grid.setEmptyStateText(getTranslation("sentEmails.none"));
        GridHeights.fit(grid, notifications.countSentEmails());
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.emails") + " · " + getTranslation("app.name");
    }
}
