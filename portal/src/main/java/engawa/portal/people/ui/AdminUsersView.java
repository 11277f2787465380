package engawa.portal.people.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.component.html.H1;
import engawa.portal.shared.ui.MenuGroup;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import engawa.db.people.Role;
import engawa.db.people.User;
import engawa.portal.people.NewUser;
import engawa.portal.people.PasswordPolicy;
import engawa.portal.people.PasswordService;
import engawa.portal.people.UserAccountService;
import engawa.portal.people.UserSummary;
import engawa.portal.people.ui.CurrentPerson;
import engawa.portal.shared.ui.FormErrors;
import engawa.portal.shared.ui.GridHeights;
import engawa.portal.shared.ui.ListRow;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;

@Route("admin/users")
@Menu(title = "nav.admin.users", order = 10, icon = "vaadin:users")
@MenuGroup(MenuGroup.Group.ADMIN)
@RolesAllowed("ADMIN")
public class AdminUsersView extends Div implements HasDynamicTitle {

    private final UserAccountService users;
    private final PasswordService passwords;
    private final CurrentPerson me;
    private final Grid<UserSummary> grid = new Grid<>();

    AdminUsersView(UserAccountService users, PasswordService passwords, CurrentPerson me) {
        this.users = users;
        this.passwords = passwords;
        this.me = me;
        addClassName("page");
        // every page has one h1: what screen reader users jump to first
        H1 heading = new H1(getTranslation("nav.admin.users"));
        heading.addClassName("page-heading");
        add(heading);
        addClassName("admin-users");

        Button create = new Button(getTranslation("admin.users.new"), VaadinIcon.PLUS.create(), e -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-user");
        HorizontalLayout toolbar = new HorizontalLayout(new Paragraph(getTranslation("admin.users.intro")), create);
        toolbar.addClassName("toolbar");

        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        // one column that reads like a list (who, their role, how they sign in, what can be done),
        // so that a phone shows every name and address whole instead of a table cut at its edge
        grid.addComponentColumn(this::row);
        grid.setItems(query -> users.list(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        fitGrid();
        add(toolbar, grid);
    }

    private Div row(UserSummary user) {
        String signIn = getTranslation(user.singleSignOn() ? "people.signIn.sso" : "people.signIn.password");
        Span facts = new Span(user.email() == null || user.email().isBlank()
                ? user.username() + " · " + signIn
                : user.username() + " · " + user.email() + " · " + signIn);
        facts.addClassName("hint");
        return ListRow.of(user.displayName(), roleBadge(user), facts, actions(user));
    }

    private HorizontalLayout roleBadge(UserSummary user) {
        Span badge = new Span(getTranslation("role." + user.role().name()));
        badge.getElement().getThemeList().add(user.role() == Role.ADMIN ? "badge contrast" : "badge");
        HorizontalLayout badges = new HorizontalLayout(badge);
        badges.setSpacing(false);
        badges.getStyle().set("gap", "var(--lumo-space-xs)");
        if (!user.enabled()) {
            Span disabled = new Span(getTranslation("people.disabled"));
            disabled.getElement().getThemeList().add("badge error");
            badges.add(disabled);
        }
        return badges;
    }

    /** Role and access for everyone but oneself: an admin cannot lock themselves out here. */
    private HorizontalLayout actions(UserSummary user) {
        boolean self = user.username().equals(me.username());
        Role other = user.role() == Role.ADMIN ? Role.MEMBER : Role.ADMIN;
        Button role = new Button(getTranslation(other == Role.ADMIN ? "admin.users.makeAdmin" : "admin.users.makeMember"),
                e -> change(() -> users.setRole(user.username(), other), "admin.users.roleChanged", user.displayName(),
                        getTranslation("role." + other.name())));
        Button access = new Button(getTranslation(user.enabled() ? "admin.users.disable" : "admin.users.enable"), e -> {
            if (!user.enabled()) {
                change(() -> users.setEnabled(user.username(), true), "admin.users.enabled", user.displayName());
                return;
            }
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("admin.users.disable.title", user.displayName()),
                    getTranslation("admin.users.disable.text", user.displayName()), getTranslation("admin.users.disable"),
                    ok -> change(() -> users.setEnabled(user.username(), false), "admin.users.disabled", user.displayName()));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        role.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        access.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        if (user.enabled()) {
            access.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        access.addClassName("user-access");
        access.getElement().setAttribute("data-username", user.username());
        role.addClassName("user-role");
        role.getElement().setAttribute("data-username", user.username());
        HorizontalLayout actions = new HorizontalLayout(role, access);
        if (self) {
            role.setEnabled(false);
            access.setEnabled(false);
            role.setTooltipText(getTranslation("admin.users.notYourself"));
            access.setTooltipText(getTranslation("admin.users.notYourself"));
        } else if (user.hasPassword()) {
            actions.add(resetButton(user));
        }
        return actions;
    }

    /** A temporary password, shown once to the admin, who hands it over; its owner picks their own at sign-in. */
    private Button resetButton(UserSummary user) {
        Button reset = new Button(VaadinIcon.KEY.create(), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("admin.users.reset.title", user.displayName()),
                    getTranslation("admin.users.reset.text", user.displayName()), getTranslation("admin.users.reset"),
                    ok -> {
                        try {
                            showTemporaryPassword(user, passwords.reset(user.username()));
                        } catch (RuntimeException error) {
                            if (!FormErrors.show(this, error, Map.of())) {
                                throw error;
                            }
                        }
                    });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.open();
        });
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON);
        reset.setTooltipText(getTranslation("admin.users.reset"));
        reset.setAriaLabel(getTranslation("admin.users.reset.for", user.displayName()));
        reset.addClassName("user-reset");
        reset.getElement().setAttribute("data-username", user.username());
        return reset;
    }

    private void showTemporaryPassword(UserSummary user, String temporary) {
        Dialog shown = new Dialog();
        shown.setHeaderTitle(getTranslation("admin.users.reset.done.title", user.displayName()));
        TextField password = new TextField(getTranslation("admin.users.reset.temporary"));
        password.setId("temporary-password");
        password.setValue(temporary);
        password.setReadOnly(true);
        password.setWidthFull();
        Button copy = new Button(getTranslation("action.copy"), VaadinIcon.COPY.create(),
                e -> e.getSource().getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", temporary));
        shown.add(new Paragraph(getTranslation("admin.users.reset.done.text", user.displayName())), password);
        Button done = new Button(getTranslation("action.done"), e -> shown.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        shown.getFooter().add(copy, done);
        shown.setWidth("min(95vw, 30rem)");
        shown.open();
    }

    /** As tall as its rows while they are few, a scrolling box once they are many. */
    private void fitGrid() {
        GridHeights.fit(grid, users.count());
    }

    private void change(java.util.function.Supplier<UserSummary> action, String doneKey, Object... arguments) {
        try {
            action.get();
            grid.getDataProvider().refreshAll();
            fitGrid();
            FormErrors.notifySuccess(getTranslation(doneKey, arguments));
        } catch (RuntimeException error) {
            if (!FormErrors.show(this, error, Map.of())) {
                throw error;
            }
        }
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.users.new"));
        TextField username = new TextField(getTranslation("people.username"));
        username.setId("new-user-username");
        username.setHelperText(getTranslation("people.username.help"));
        username.setMaxLength(User.USERNAME_MAX_LENGTH);
        TextField displayName = new TextField(getTranslation("people.displayName"));
        displayName.setId("new-user-display-name");
        displayName.setMaxLength(User.DISPLAY_NAME_MAX_LENGTH);
        EmailField email = new EmailField(getTranslation("people.email"));
        email.setId("new-user-email");
        Select<Role> role = new Select<>();
        role.setLabel(getTranslation("people.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        role.setValue(Role.MEMBER);
        PasswordField password = new PasswordField(getTranslation("people.initialPassword"));
        password.setId("new-user-password");
        password.setHelperText(getTranslation("people.password.help", PasswordPolicy.MIN_LENGTH));
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        FormLayout form = new FormLayout(username, displayName, email, role, password);
        dialog.add(form);

        Map<String, HasValidation> fields = Map.of("username", username, "displayName", displayName, "email", email,
                "role", role, "password", password);
        Button save = new Button(getTranslation("action.create"), e -> {
            try {
                UserSummary created = users.create(new NewUser(username.getValue(), displayName.getValue(),
                        email.getValue(), role.getValue(), password.getValue()));
                dialog.close();
                grid.getDataProvider().refreshAll();
                fitGrid();
                FormErrors.notifySuccess(getTranslation("admin.users.created", created.displayName()));
            } catch (RuntimeException error) {
                if (!FormErrors.show(this, error, fields)) {
                    throw error;
                }
            }
        });
        save.setId("new-user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
        username.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.users") + " · " + getTranslation("app.name");
    }
}
