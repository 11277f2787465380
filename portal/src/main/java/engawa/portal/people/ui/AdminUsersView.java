package engawa.portal.people.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
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
import engawa.portal.people.UserAccountService;
import engawa.portal.people.UserSummary;
import engawa.portal.shared.ui.FormErrors;
import engawa.portal.shared.ui.Formats;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;

@Route("admin/users")
@RolesAllowed("ADMIN")
public class AdminUsersView extends Div implements HasDynamicTitle {

    private final UserAccountService users;
    private final Grid<UserSummary> grid = new Grid<>();

    AdminUsersView(UserAccountService users) {
        this.users = users;
        addClassName("page");
        addClassName("admin-users");

        Button create = new Button(getTranslation("admin.users.new"), VaadinIcon.PLUS.create(), e -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-user");
        HorizontalLayout toolbar = new HorizontalLayout(new Paragraph(getTranslation("admin.users.intro")), create);
        toolbar.addClassName("toolbar");

        grid.setId("users-grid");
        grid.addColumn(UserSummary::username).setHeader(getTranslation("people.username")).setAutoWidth(true);
        grid.addColumn(UserSummary::displayName).setHeader(getTranslation("people.displayName")).setAutoWidth(true);
        grid.addColumn(u -> u.email() == null ? "" : u.email()).setHeader(getTranslation("people.email")).setAutoWidth(true);
        grid.addComponentColumn(this::roleBadge).setHeader(getTranslation("people.role")).setAutoWidth(true);
        grid.addColumn(u -> getTranslation(u.singleSignOn() ? "people.signIn.sso" : "people.signIn.password"))
                .setHeader(getTranslation("people.signIn")).setAutoWidth(true);
        grid.addColumn(u -> Formats.date(u.createdAt())).setHeader(getTranslation("people.created")).setAutoWidth(true);
        grid.setItems(query -> users.list(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.setHeight("65vh");
        add(toolbar, grid);
    }

    private Span roleBadge(UserSummary user) {
        Span badge = new Span(getTranslation("role." + user.role().name()));
        badge.getElement().getThemeList().add(user.role() == Role.ADMIN ? "badge contrast" : "badge");
        return badge;
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
