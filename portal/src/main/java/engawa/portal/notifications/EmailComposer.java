package engawa.portal.notifications;

import engawa.portal.shared.PublicUrl;
import engawa.portal.shared.Translations;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes a notice as an e-mail in its reader's language: the sentence as the subject and the
 * first line, a link to the page, and why they get it with a link to change that. Plain text, and
 * the same as simple HTML with every word escaped.
 */
@Component
class EmailComposer {

    private final PublicUrl urls;

    EmailComposer(PublicUrl urls) {
        this.urls = urls;
    }

    record Email(String subject, String text, String html) {
    }

    /** @param link where the e-mail's button leads */
    Email compose(Notice notice, String link, Locale locale, String recipientName) {
        String sentence = sentence(notice.message(), notice.args(), locale);
        String open = Translations.text("email.open", locale);
        String page = urls.of(link);
        String why = Translations.text("email.why", locale, Translations.text("notify.topic." + notice.topic().id(), locale));
        String change = Translations.text("email.change", locale);
        String preferences = urls.of("/account/notifications");
        String greeting = Translations.text("email.greeting", locale, recipientName);
        String text = greeting + "\n\n" + sentence + "\n\n" + open + ": " + page + "\n\n-- \n" + why + "\n" + change + ": "
                + preferences + "\n";
        String html = "<!doctype html><html lang=\"" + locale.getLanguage() + "\"><body style=\"font-family: sans-serif;"
                + " line-height: 1.5; color: #222\"><p>" + escape(greeting) + "</p><p style=\"font-size: 1.1em\">"
                + escape(sentence) + "</p><p><a href=\"" + escape(page) + "\" style=\"background: #8a4b1f; color: #fff;"
                + " padding: 8px 14px; border-radius: 6px; text-decoration: none\">" + escape(open) + "</a></p>"
                + "<hr style=\"border: none; border-top: 1px solid #ddd\"><p style=\"color: #666; font-size: 0.9em\">"
                + escape(why) + " <a href=\"" + escape(preferences) + "\">" + escape(change) + "</a></p></body></html>";
        return new Email(subject(sentence, locale), text, html);
    }

    /** The notice's sentence in a language (also what the bell and the inbox show). */
    static String sentence(String message, List<Text> args, Locale locale) {
        return Translations.text("notify." + message, locale, args.stream().map(a -> a.in(locale)).toArray());
    }

    private static String subject(String sentence, Locale locale) {
        String subject = "[" + Translations.text("app.name", locale) + "] " + sentence;
        return subject.length() <= 200 ? subject : subject.substring(0, 197) + "...";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
