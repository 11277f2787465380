package engawa.portal.people.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.component.html.H1;
import engawa.portal.shared.ui.MenuGroup;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import engawa.db.people.ApiToken;
import engawa.portal.people.ApiTokenService;
import engawa.portal.people.ApiTokenSummary;
import engawa.portal.people.NewApiToken;
import engawa.portal.shared.UserFacingException;
import engawa.portal.people.ui.CurrentPerson;
import engawa.portal.shared.ui.FormErrors;
import engawa.portal.shared.ui.Formats;
import engawa.portal.shared.ui.ListRow;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Personal API tokens: create one (shown once), see when each was last used, revoke. */
@Route("tokens")
@Menu(title = "nav.tokens", order = 10, icon = "vaadin:key")
@MenuGroup(MenuGroup.Group.PERSONAL)
@PermitAll
public class ApiTokensView extends Div implements HasDynamicTitle {

    /** Expiry choices; "never" is allowed but not the default, as GitHub does. */
    enum Lifetime {
        DAYS_30(Duration.ofDays(30)), DAYS_90(Duration.ofDays(90)), YEAR(Duration.ofDays(365)), NEVER(null);

        final Duration duration;

        Lifetime(Duration duration) {
            this.duration = duration;
        }
    }

    private final ApiTokenService tokens;
    private final CurrentPerson person;
    private final Clock clock;
    private final Grid<ApiTokenSummary> grid = new Grid<>();

    ApiTokensView(ApiTokenService tokens, CurrentPerson person, Clock clock) {
        this.tokens = tokens;
        this.person = person;
        this.clock = clock;
        addClassName("page");
        // every page has one h1: what screen reader users jump to first
        H1 heading = new H1(getTranslation("nav.tokens"));
        heading.addClassName("page-heading");
        add(heading);
        addClassName("tokens-view");

        add(new Paragraph(getTranslation("tokens.intro")));

        TextField name = new TextField(getTranslation("tokens.name"));
        name.setId("token-name");
        name.setPlaceholder(getTranslation("tokens.name.placeholder"));
        name.setMaxLength(ApiToken.NAME_MAX_LENGTH);
        name.setWidth("20rem");
        Select<Lifetime> lifetime = new Select<>();
        lifetime.setId("token-lifetime");
        lifetime.setLabel(getTranslation("tokens.expires"));
        lifetime.setItems(Lifetime.values());
        lifetime.setItemLabelGenerator(l -> getTranslation("tokens.lifetime." + l.name()));
        lifetime.setValue(Lifetime.DAYS_90);
        Button create = new Button(getTranslation("tokens.create"), VaadinIcon.KEY.create(), e -> {
            try {
                Instant expires = lifetime.getValue().duration == null ? null : clock.instant().plus(lifetime.getValue().duration);
                NewApiToken created = tokens.create(person.username(), name.getValue(), expires);
                name.clear();
                name.setInvalid(false);
                grid.getDataProvider().refreshAll();
                showOnce(created);
            } catch (UserFacingException error) {
                name.setErrorMessage(error.messageIn(getLocale()));
                name.setInvalid(true);
            }
        });
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, lifetime, create);
        form.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        H2 yours = new H2(getTranslation("tokens.yours"));
        yours.addClassName("section-title");
        add(form, yours);

        grid.setId("tokens-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        // one column that reads like a list, as GitHub's tokens page does: nothing is cut off on a phone
        grid.addComponentColumn(this::row);
        grid.setItems(query -> tokens.list(person.username(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.setEmptyStateText(getTranslation("tokens.none"));
        grid.setAllRowsVisible(true);
        add(grid);
    }

    private Div row(ApiTokenSummary token) {
        Div facts = ListRow.facts(
                ListRow.fact(getTranslation("tokens.startsWith"), token.prefix() + "…"),
                ListRow.fact(getTranslation("people.created"), Formats.date(token.createdAt())),
                ListRow.fact(getTranslation("tokens.expires"), token.expiresAt() == null
                        ? getTranslation("tokens.lifetime.NEVER") : Formats.date(token.expiresAt())),
                ListRow.fact(getTranslation("tokens.lastUsed"), token.lastUsedAt() == null
                        ? getTranslation("tokens.neverUsed") : Formats.dateTime(token.lastUsedAt())));
        return ListRow.of(token.name(), status(token), facts, revokeButton(token));
    }

    private Span status(ApiTokenSummary token) {
        Instant now = clock.instant();
        String key = token.revokedAt() != null ? "tokens.status.revoked"
                : token.isActiveAt(now) ? "tokens.status.active" : "tokens.status.expired";
        Span badge = new Span(getTranslation(key));
        badge.getElement().getThemeList().add(token.isActiveAt(now) ? "badge success" : "badge contrast");
        return badge;
    }

    private Button revokeButton(ApiTokenSummary token) {
        Button revoke = new Button(getTranslation("tokens.revoke"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("tokens.revoke.title", token.name()),
                    getTranslation("tokens.revoke.text"), getTranslation("tokens.revoke"), ok -> {
                        tokens.revoke(person.username(), token.id());
                        grid.getDataProvider().refreshAll();
                        FormErrors.notifySuccess(getTranslation("tokens.revoked", token.name()));
                    });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.setEnabled(token.revokedAt() == null);
        revoke.addClassName("token-revoke");
        return revoke;
    }

    private void showOnce(NewApiToken created) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("tokens.created.title", created.summary().name()));
        dialog.setCloseOnOutsideClick(false);
        TextField value = new TextField();
        value.setId("new-token-value");
        value.setValue(created.token());
        value.setReadOnly(true);
        value.setWidthFull();
        value.addClassName("token-value");
        Button copy = new Button(getTranslation("tokens.copy"), VaadinIcon.COPY_O.create(), e -> {
            value.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", created.token());
            FormErrors.notifySuccess(getTranslation("tokens.copied"));
        });
        dialog.add(new Paragraph(getTranslation("tokens.created.once")), new HorizontalLayout(value, copy),
                new Paragraph(getTranslation("tokens.created.usage")));
        Button done = new Button(getTranslation("tokens.created.done"), e -> dialog.close());
        done.setId("new-token-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.setWidth("min(40em, 95vw)");
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.tokens") + " · " + getTranslation("app.name");
    }
}
