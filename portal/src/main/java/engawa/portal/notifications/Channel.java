package engawa.portal.notifications;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How someone hears about a topic: by e-mail (and in the portal), in the portal only, or not at all. */
public enum Channel {
    EMAIL, PORTAL, OFF;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }
}
