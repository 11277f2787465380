package engawa.portal.app;

import com.vaadin.flow.component.ReconnectDialogConfiguration;
import com.vaadin.flow.component.UI;
import engawa.portal.shared.Translations;
import java.util.Locale;

/**
 * Vaadin's connection indicator at the top of the page ("Connection lost, trying to reconnect...")
 * speaks English only. These are its words in the page's language, saying what the portal's own
 * error pages say: that nothing saved is lost, and what to do.
 */
final class ConnectionIndicatorTexts {

    private ConnectionIndicatorTexts() {
    }

    static void apply(UI ui) {
        Locale locale = Translations.supportedOrEnglish(ui.getLocale());
        ReconnectDialogConfiguration texts = ui.getReconnectDialogConfiguration();
        // Flow's client hands these two to the indicator: while it tries again, and once it is offline
        texts.setDialogText(Translations.text("error.connection.reconnecting", locale));
        texts.setDialogTextGaveUp(Translations.text("error.connection.gaveUp", locale));
        // the words shown when the connection is back are not handed over: set on the indicator itself
        ui.getPage().executeJs("const indicator = window.Vaadin && window.Vaadin.connectionIndicator;"
                + " if (indicator) { indicator.onlineText = $0; }", Translations.text("error.connection.online", locale));
    }
}
