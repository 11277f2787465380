package engawa.portal.recipes;

import engawa.db.recipes.RecipeHealth;
import engawa.db.recipes.RecipeRow;
import engawa.db.recipes.RunStatus;
import engawa.portal.shared.PublicUrl;
import engawa.portal.shared.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a run sends: to the recipe's workflow (the inputs, who ran it, the run, the version, where
 * to call back) and to subscribers (the events). Flat fields and nested objects only, which
 * Zapier shows as {@code data__inputs__month}.
 */
@Component
public class RunPayloads {

    /** The workflow's own event type: addressed to one recipe's target, never fanned out. */
    public static final String TARGET_EVENT = "recipe.run";
    private static final String TOKEN_PURPOSE = "recipe-run-callback";

    private final PublicUrl publicUrl;
    private final SecretBox secrets;

    RunPayloads(PublicUrl publicUrl, SecretBox secrets) {
        this.publicUrl = publicUrl;
        this.secrets = secrets;
    }

    /**
     * A run's callback token: derived from the run id under the portal's key, so it is stored
     * nowhere and checked by deriving it again.
     */
    public String callbackToken(UUID runId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secrets.tag(TOKEN_PURPOSE, runId.toString()));
    }

    public boolean tokenMatches(UUID runId, String token) {
        if (token == null) {
            return false;
        }
        return MessageDigest.isEqual(callbackToken(runId).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    public String callbackUrl(UUID runId, String token) {
        return publicUrl.of("/api/v1/runs/" + runId + "/callback?token=" + token);
    }

    public String runUrl(UUID runId) {
        return publicUrl.of("/runs/" + runId);
    }

    public String recipeUrl(String slug) {
        return publicUrl.of("/recipes/" + slug);
    }

    /**
     * The workflow's payload.
     *
     * @param token the callback token, or a mask for a preview
     */
    Map<String, Object> target(RecipeRow recipe, int version, UUID runId, InputRules.Me me, Map<String, Object> inputs,
            boolean test, Instant at, String token) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("test", test);
        data.put("recipe", recipeJson(recipe, version));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", runId.toString());
        run.put("requested_at", at.toString());
        run.put("url", runUrl(runId));
        data.put("run", run);
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("username", me.username());
        person.put("name", me.name());
        person.put("email", me.email());
        person.put("team", me.team());
        data.put("requested_by", person);
        data.put("inputs", inputs);
        if (recipe.values().callsBack()) {
            data.put("callback_url", callbackUrl(runId, token));
            data.put("answer_within_minutes", recipe.values().answerMinutes());
        }
        return data;
    }

    Map<String, Object> requested(RecipeRow recipe, int version, UUID runId, String username, Map<String, Object> inputs,
            boolean test, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("recipe", recipeJson(recipe, version));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", runId.toString());
        run.put("status", "queued");
        run.put("test", test);
        run.put("requested_by", username);
        run.put("requested_at", at.toString());
        run.put("url", runUrl(runId));
        data.put("run", run);
        data.put("inputs", inputs);
        return data;
    }

    Map<String, Object> completed(RecipeRow recipe, engawa.db.recipes.RunRow finished) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("recipe", recipeJson(recipe, finished.version()));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", finished.id().toString());
        run.put("status", status(finished.status()));
        run.put("test", finished.test());
        run.put("requested_by", finished.requestedBy());
        run.put("requested_at", finished.requestedAt().toString());
        run.put("finished_at", finished.finishedAt() == null ? null : finished.finishedAt().toString());
        run.put("message", finished.message());
        run.put("url", runUrl(finished.id()));
        data.put("run", run);
        return data;
    }

    Map<String, Object> health(RecipeRow recipe, RecipeHealth from, RecipeHealth to, int failures, Instant lastSuccess) {
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> r = recipeJson(recipe, recipe.publishedVersion());
        r.put("owner", recipe.ownerKey());
        data.put("recipe", r);
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("from", from.name().toLowerCase(Locale.ROOT));
        health.put("to", to.name().toLowerCase(Locale.ROOT));
        health.put("failures_in_a_row", failures);
        health.put("last_success_at", lastSuccess == null ? null : lastSuccess.toString());
        data.put("health", health);
        data.put("message", to == RecipeHealth.BROKEN
                ? recipe.values().titleEn() + " failed " + failures + " times in a row."
                : recipe.values().titleEn() + " works again.");
        return data;
    }

    static String status(RunStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private Map<String, Object> recipeJson(RecipeRow recipe, int version) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("slug", recipe.slug());
        r.put("title", recipe.values().titleEn());
        r.put("version", version);
        r.put("url", recipeUrl(recipe.slug()));
        return r;
    }
}
