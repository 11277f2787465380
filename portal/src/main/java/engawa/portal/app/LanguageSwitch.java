package engawa.portal.app;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import engawa.portal.shared.Translations;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * English / 日本語. Each language is written in itself, so a person who cannot read the current
 * one still finds theirs. Choosing reloads the page so every text changes at once.
 */
public class LanguageSwitch extends Select<Locale> {

    public LanguageSwitch(Consumer<Locale> remember) {
        setItems(Translations.SUPPORTED);
        setItemLabelGenerator(locale -> locale.getLanguage().equals("ja") ? "日本語" : "English");
        setValue(Translations.supportedOrEnglish(UI.getCurrent().getLocale()));
        setAriaLabel("Language / 言語");
        addClassName("language-switch");
        setId("language-switch");
        addValueChangeListener(event -> {
            if (!event.isFromClient() || event.getValue() == null) {
                return;
            }
            try {
                remember.accept(event.getValue());
            } catch (RuntimeException e) {
                // not saved (the database away): the switch shows the language the page still speaks
                setValue(event.getOldValue());
                throw e;
            }
            VaadinSession.getCurrent().setLocale(event.getValue());
            UI.getCurrent().getPage().reload();
        });
    }
}
