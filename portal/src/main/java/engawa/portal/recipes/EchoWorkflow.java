package engawa.portal.recipes;

import engawa.portal.shared.PublicUrl;
import engawa.portal.shared.Translations;
import engawa.portal.shared.UserFacingException;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The built-in workflow the demo recipes run against, so Run works on a fresh start with no
 * account anywhere: it takes a run like any receiver would (signed, through the outbox), changes
 * nothing, and calls back after a moment, "failed" when its address says {@code ?fail=true}. It
 * only ever answers the portal's own runs: the callback address must be this portal's, and the
 * run's token must match as for any workflow.
 */
@Component
public class EchoWorkflow implements DisposableBean {

    public static final String PATH = "/api/v1/recipes/echo";
    /** {@link #PATH} below the API's {@code /api/v1}. */
    public static final String PATH_IN_API = "/recipes/echo";
    static final Duration DELAY = Duration.ofMillis(1500);
    /** Callbacks waiting at once; beyond, the echo answers 503 and the outbox tries again later. */
    static final int MAX_WAITING = 1000;
    private static final Logger log = LoggerFactory.getLogger(EchoWorkflow.class);

    private final RunOutcomes outcomes;
    private final String callbackPrefix;
    private final ScheduledThreadPoolExecutor timer;

    EchoWorkflow(RunOutcomes outcomes, PublicUrl publicUrl) {
        this.outcomes = outcomes;
        this.callbackPrefix = publicUrl.of("/api/v1/runs/");
        this.timer = (ScheduledThreadPoolExecutor) Executors.newScheduledThreadPool(1,
                Thread.ofVirtual().name("recipe-echo-", 0).factory());
    }

    /**
     * @param fail answer "failed" (the demo's broken recipe)
     * @return whether a callback was scheduled
     */
    public boolean receive(JsonNode event, boolean fail) {
        JsonNode data = event == null ? null : event.get("data");
        String callback = data == null || !data.hasNonNull("callback_url") ? null : data.get("callback_url").asString();
        if (callback == null) {
            return false; // a workflow that does not call back: receiving is all
        }
        if (!callback.startsWith(callbackPrefix) || !callback.contains("/callback?token=")) {
            throw UserFacingException.invalid("recipes.echo.notOurs");
        }
        if (timer.getQueue().size() >= MAX_WAITING) {
            throw UserFacingException.tooMany("recipes.echo.busy");
        }
        String rest = callback.substring(callbackPrefix.length());
        UUID runId;
        try {
            runId = UUID.fromString(rest.substring(0, rest.indexOf('/')));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // anyone may post here: a malformed call is a 422, never a stack trace in the log
            throw UserFacingException.invalid("recipes.echo.notOurs");
        }
        String token = rest.substring(rest.indexOf("?token=") + "?token=".length());
        boolean test = data.path("test").asBoolean(false);
        // it answers in the language of the person who ran it, as a real workflow may
        JsonNode asked = data.path("requested_by").path("language");
        Locale language = Translations.fromTag(asked.isMissingNode() || asked.isNull() ? null : asked.asString());
        timer.schedule(() -> answer(runId, token, fail, test, language), DELAY.toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    private void answer(UUID runId, String token, boolean fail, boolean test, Locale language) {
        try {
            if (fail) {
                outcomes.callback(runId, token, "failed", Translations.text("recipes.echo.failed", language), null);
            } else {
                outcomes.callback(runId, token, "succeeded",
                        Translations.text(test ? "recipes.echo.testDone" : "recipes.echo.done", language), null);
            }
        } catch (RuntimeException e) {
            log.info("Echo workflow: run {} could not be answered: {}", runId, e.getMessage());
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
