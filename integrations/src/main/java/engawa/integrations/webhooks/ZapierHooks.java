package engawa.integrations.webhooks;

import java.net.URI;
import java.util.Locale;

/**
 * What Zapier does differently. Its Catch Hook URLs answer 200 even when the Zap behind them is
 * switched off, so a 200 there proves only that Zapier received the event; the portal says so
 * rather than "it worked". Zapier turns nested JSON objects into fields such as {@code data__title},
 * which reads well; lists of objects it handles poorly, so event payloads keep lists flat.
 */
public final class ZapierHooks {

    private ZapierHooks() {
    }

    /** A Zapier "Catch Hook" URL: {@code https://hooks.zapier.com/hooks/catch/<account>/<hook>/}. */
    public static boolean isCatchHook(URI target) {
        return target != null
                && "https".equalsIgnoreCase(target.getScheme())
                && target.getHost() != null
                && target.getHost().toLowerCase(Locale.ROOT).equals("hooks.zapier.com")
                && target.getPath() != null
                && target.getPath().startsWith("/hooks/catch/");
    }
}
