package engawa.portal.notifications.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import engawa.portal.notifications.Channel;
import engawa.portal.notifications.NotificationService;
import engawa.portal.notifications.NotificationService.Preferences;
import engawa.portal.notifications.Topic;
import engawa.portal.shared.ui.FormErrors;
import engawa.portal.shared.ui.MenuGroup;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a person hears about each topic (by e-mail, in the portal, not at all), the hours no e-mail
 * comes, their time zone and the weekly digest. Says so when this portal cannot send e-mail.
 */
@Route("account/notifications")
@Menu(title = "nav.notificationSettings", order = 15, icon = "vaadin:bell")
@MenuGroup(MenuGroup.Group.PERSONAL)
@PermitAll
public class NotificationPreferencesView extends Div implements HasDynamicTitle {

    NotificationPreferencesView(NotificationService notifications) {
        addClassName("page");
        // every page has one h1: what screen reader users jump to first
        H1 heading = new H1(getTranslation("preferences.title"));
        heading.addClassName("page-heading");
        add(heading);
        addClassName("notification-preferences");
        Preferences now = notifications.preferences();
        if (!now.emailAvailable()) {
            Paragraph noMail = new Paragraph(getTranslation("preferences.noEmail"));
            noMail.setId("preferences-no-email");
            noMail.addClassName("callout");
            add(noMail);
        }
        add(new Paragraph(getTranslation("preferences.intro")));

        Map<Topic, RadioButtonGroup<Channel>> choices = new EnumMap<>(Topic.class);
        Div topics = new Div();
        topics.addClassName("preference-topics");
        for (Topic topic : Topic.values()) {
            RadioButtonGroup<Channel> group = new RadioButtonGroup<>(getTranslation("notify.topic." + topic.id()));
            group.setId("topic-" + topic.id());
            group.setItems(Channel.values());
            group.setItemLabelGenerator(c -> getTranslation("preferences.channel." + c.id()));
            group.setItemEnabledProvider(c -> c != Channel.EMAIL || now.emailAvailable());
            group.setValue(now.channels().get(topic));
            group.setHelperText(getTranslation("notify.topic." + topic.id() + ".help"));
            choices.put(topic, group);
            topics.add(group);
        }

        ComboBox<String> zone = new ComboBox<>(getTranslation("preferences.timeZone"));
        zone.setId("preferences-zone");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")).sorted().toList());
        zone.setValue(now.timeZone());
        zone.setWidth("min(100%, 18rem)");
        TimePicker from = new TimePicker(getTranslation("preferences.quietFrom"));
        from.setId("preferences-quiet-from");
        from.setStep(Duration.ofMinutes(30));
        from.setValue(now.quietFrom());
        TimePicker until = new TimePicker(getTranslation("preferences.quietUntil"));
        until.setId("preferences-quiet-until");
        until.setStep(Duration.ofMinutes(30));
        until.setValue(now.quietUntil());
        HorizontalLayout quiet = new HorizontalLayout(from, until);
        quiet.setAlignItems(FlexComponent.Alignment.BASELINE);
        quiet.setWrap(true);
        Checkbox digest = new Checkbox(getTranslation("preferences.digest"));
        digest.setId("preferences-digest");
        digest.setValue(now.digest());
        digest.setEnabled(now.emailAvailable());
        Paragraph quietHelp = new Paragraph(getTranslation("preferences.quiet.help"));
        quietHelp.addClassName("hint");

        Map<String, com.vaadin.flow.component.HasValidation> fields = new LinkedHashMap<>();
        choices.forEach((t, g) -> fields.put("topics." + t.id(), g));
        fields.put("timeZone", zone);
        fields.put("quietHours.from", from);
        fields.put("quietHours.until", until);
        Button save = new Button(getTranslation("action.save"), VaadinIcon.CHECK.create(), e -> {
            FormErrors.clear(fields);
            Map<String, String> channels = new LinkedHashMap<>();
            choices.forEach((t, g) -> channels.put(t.id(), g.getValue() == null ? t.defaultChannel().id() : g.getValue().id()));
            try {
                notifications.save(channels, zone.getValue(), from.getValue() == null ? null : from.getValue().toString(),
                        until.getValue() == null ? null : until.getValue().toString(), digest.getValue());
                FormErrors.notifySuccess(getTranslation("preferences.saved"));
            } catch (RuntimeException error) {
                if (!FormErrors.show(this, error, fields)) {
                    throw error;
                }
            }
        });
        save.setId("preferences-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("preferences.topics")), topics, new H2(getTranslation("preferences.email")), zone, quiet,
                quietHelp, digest, save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("preferences.title") + " · " + getTranslation("app.name");
    }
}
