package engawa.portal.shared;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A refusal that a person can act on. It carries a translation key so that the browser shows it
 * in the reader's language; its English text is what the REST API returns.
 */
public class UserFacingException extends RuntimeException {

    public enum Kind {
        INVALID, NOT_FOUND, CONFLICT, FORBIDDEN, TOO_MANY
    }

    private final Kind kind;
    private final String messageKey;
    private final transient Object[] arguments;

    public UserFacingException(Kind kind, String messageKey, Object... arguments) {
        super(render(messageKey, Locale.ENGLISH, arguments));
        this.kind = kind;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public static UserFacingException invalid(String messageKey, Object... arguments) {
        return new UserFacingException(Kind.INVALID, messageKey, arguments);
    }

    public static UserFacingException notFound(String messageKey, Object... arguments) {
        return new UserFacingException(Kind.NOT_FOUND, messageKey, arguments);
    }

    public static UserFacingException conflict(String messageKey, Object... arguments) {
        return new UserFacingException(Kind.CONFLICT, messageKey, arguments);
    }

    public static UserFacingException forbidden(String messageKey, Object... arguments) {
        return new UserFacingException(Kind.FORBIDDEN, messageKey, arguments);
    }

    /** Too many requests of a kind in a short time: try again later. */
    public static UserFacingException tooMany(String messageKey, Object... arguments) {
        return new UserFacingException(Kind.TOO_MANY, messageKey, arguments);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public String messageIn(Locale locale) {
        return render(messageKey, locale, arguments);
    }

    static String render(String key, Locale locale, Object... arguments) {
        ResourceBundle bundle = Translations.bundle(locale);
        if (!bundle.containsKey(key)) {
            return key + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments));
        }
        String text = bundle.getString(key);
        // MessageFormat treats apostrophes as quotes; texts without arguments are shown as written
        return arguments.length == 0 ? text : new MessageFormat(text, locale).format(arguments);
    }
}
