package engawa.portal.notifications;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a notification is about, which is what people choose how to hear about. The default is by
 * e-mail for what someone must act on, in the portal for the rest.
 */
public enum Topic {

    /** Sessions you come to: your seat, a reminder, a date moved or called off, a host's note. */
    MY_SESSIONS(Channel.EMAIL),
    /** Sessions you host: someone signed up with a question, someone cancelled. */
    HOSTING(Channel.PORTAL),
    /** Your recipe runs: one that failed or got no answer, one that finished while you were away. */
    MY_RUNS(Channel.EMAIL),
    /** Recipes you own: one broke or works again, a wish became your draft. */
    MY_RECIPES(Channel.EMAIL),
    /** What you wished to automate: it has a recipe now. */
    MY_WISHES(Channel.PORTAL),
    /** Services you own: error budgets, alerts, a service that became yours. */
    MY_SERVICES(Channel.EMAIL);

    private final Channel defaultChannel;

    Topic(Channel defaultChannel) {
        this.defaultChannel = defaultChannel;
    }

    public Channel defaultChannel() {
        return defaultChannel;
    }

    /** As the API and the database write it: {@code my-sessions}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Topic> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst();
    }
}
