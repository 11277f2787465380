package engawa.portal.people.ui;

import org.springframework.modulith.NamedInterface;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import engawa.portal.people.PasswordPolicy;
import engawa.portal.people.PasswordService;
import engawa.portal.people.SessionRights;
import engawa.portal.shared.ui.FormErrors;
import engawa.portal.shared.ui.MenuGroup;
import jakarta.annotation.security.PermitAll;
import java.util.Map;

/**
 * Changing one's own password: the current one, the new one twice. Every other browser session of
 * the person ends; this one goes on. Also where a temporary password (an admin's reset, the first
 * admin's) must be replaced before anything else.
 */
@Route("account/password")
@NamedInterface("ui")
@Menu(title = "nav.password", order = 20, icon = "vaadin:lock")
@MenuGroup(MenuGroup.Group.PERSONAL)
@PermitAll
public class PasswordView extends Div implements HasDynamicTitle {

    PasswordView(PasswordService passwords, CurrentPerson person) {
        addClassName("page");
        // every page has one h1: what screen reader users jump to first
        H1 heading = new H1(getTranslation("password.title"));
        heading.addClassName("page-heading");
        add(heading);
        addClassName("password-view");
        if (!passwords.hasPassword()) {
            add(new Paragraph(getTranslation("password.singleSignOn")));
            return;
        }
        boolean forced = person.mustChangePassword();
        if (forced) {
            Paragraph first = new Paragraph(getTranslation("password.mustChange"));
            first.setId("password-must-change");
            first.addClassName("callout");
            add(first);
        }
        PasswordField current = field("password-current", forced ? "password.current.given" : "password.current");
        PasswordField chosen = field("password-new", "password.new");
        chosen.setHelperText(getTranslation("password.new.help", PasswordPolicy.MIN_LENGTH));
        PasswordField again = field("password-again", "password.again");
        Map<String, PasswordField> fields = Map.of("current", current, "password", chosen, "again", again);

        Button save = new Button(getTranslation("password.save"), VaadinIcon.LOCK.create(), e -> {
            FormErrors.clear(fields);
            if (!chosen.getValue().equals(again.getValue())) {
                FormErrors.showUnder("again", getTranslation("password.again.different"), fields);
                return;
            }
            try {
                int generation = passwords.changeOwn(current.getValue(), chosen.getValue());
                // this session began before the change: it carries on into the new generation, all others end
                VaadinSession.getCurrent().getSession().setAttribute(SessionRights.GENERATION, generation);
                fields.values().forEach(PasswordField::clear);
                FormErrors.notifySuccess(getTranslation("password.changed"));
                if (forced) {
                    getUI().ifPresent(ui -> ui.navigate(""));
                }
            } catch (RuntimeException error) {
                if (!FormErrors.show(this, error, fields)) {
                    throw error;
                }
            }
        });
        save.setId("password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (!forced) {
            add(new Paragraph(getTranslation("password.intro")));
        }
        add(current, chosen, again, save);
        current.focus();
    }

    private PasswordField field(String id, String labelKey) {
        PasswordField field = new PasswordField(getTranslation(labelKey));
        field.setId(id);
        field.setMaxLength(PasswordPolicy.MAX_LENGTH);
        field.setWidth("min(100%, 24rem)");
        field.addClassName("block-field");
        return field;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.title") + " · " + getTranslation("app.name");
    }
}
