package engawa.db.catalog;

import java.util.Locale;
import java.util.Optional;

/** Where a service is in its life, as Backstage names it. */
public enum Lifecycle {
    EXPERIMENTAL, PRODUCTION, DEPRECATED;

    /** As stored and written in catalog files: lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Lifecycle> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Lifecycle lifecycle : values()) {
            if (lifecycle.id().equalsIgnoreCase(text.trim())) {
                return Optional.of(lifecycle);
            }
        }
        return Optional.empty();
    }
}
