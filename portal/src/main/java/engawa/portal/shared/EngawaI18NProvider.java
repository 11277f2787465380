package engawa.portal.shared;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
class EngawaI18NProvider implements I18NProvider {

    private static final Logger log = LoggerFactory.getLogger(EngawaI18NProvider.class);

    @Override
    public List<Locale> getProvidedLocales() {
        return Translations.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        ResourceBundle bundle = Translations.bundle(locale);
        if (!bundle.containsKey(key)) {
            bundle = Translations.bundle(Translations.ENGLISH);
        }
        if (!bundle.containsKey(key)) {
            log.warn("No text for the key {}", key);
            return "!" + key;
        }
        String text = bundle.getString(key);
        return params.length == 0 ? text : new MessageFormat(text, locale).format(params);
    }
}
