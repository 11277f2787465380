package engawa.portal.recipes;

import engawa.db.recipes.RecipeHealth;
import engawa.db.recipes.RecipeRow;
import engawa.db.recipes.RunRow;
import engawa.db.recipes.RunStatus;
import engawa.portal.recipes.RecipeEventParts.RecipeInfo;
import engawa.portal.recipes.RecipeEventParts.RunInfo;
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

    private static final String TOKEN_PURPOSE = "recipe-run-callback";
    /**
     * Stands in the queued payload for the run's callback token, which {@link CallbackTokens}
     * derives when the payload is sent: the token is stored nowhere.
     */
    static final String TOKEN_PLACEHOLDER = "{{callback_token}}";

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
        // "en" or "ja": a workflow that answers, or writes to the person, can do so in their language
        person.put("language", me.language().getLanguage());
        data.put("requested_by", person);
        data.put("inputs", inputs);
        if (recipe.values().callsBack()) {
            data.put("callback_url", callbackUrl(runId, token));
            data.put("answer_within_minutes", recipe.values().answerMinutes());
        }
        return data;
    }

    RunRequested requested(RecipeRow recipe, int version, UUID runId, String username, Map<String, Object> inputs,
            boolean test, Instant at) {
        return new RunRequested(recipeInfo(recipe, version), new RunInfo(runId.toString(), "queued", test, username, at,
                null, null, runUrl(runId)), inputs);
    }

    RunCompleted completed(RecipeRow recipe, RunRow finished) {
        return new RunCompleted(recipeInfo(recipe, finished.version()), new RunInfo(finished.id().toString(),
                status(finished.status()), finished.test(), finished.requestedBy(), finished.requestedAt(),
                finished.finishedAt(), finished.message(), runUrl(finished.id())), finished.id());
    }

    RecipeHealthChanged health(RecipeRow recipe, RecipeHealth from, RecipeHealth to, int failures, Instant lastSuccess) {
        return new RecipeHealthChanged(recipeInfo(recipe, recipe.publishedVersion()),
                new RecipeHealthChanged.Health(from.name().toLowerCase(Locale.ROOT), to.name().toLowerCase(Locale.ROOT),
                        failures, lastSuccess),
                to == RecipeHealth.BROKEN
                        ? recipe.values().titleEn() + " failed " + failures + " times in a row."
                        : recipe.values().titleEn() + " works again.");
    }

    static String status(RunStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private RecipeInfo recipeInfo(RecipeRow recipe, int version) {
        return new RecipeInfo(recipe.slug(), recipe.values().titleEn(), version, recipeUrl(recipe.slug()), recipe.ownerKey(),
                recipe.id());
    }

    /** The recipe as its workflow receives it. */
    private Map<String, Object> recipeJson(RecipeRow recipe, int version) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("slug", recipe.slug());
        r.put("title", recipe.values().titleEn());
        r.put("version", version);
        r.put("url", recipeUrl(recipe.slug()));
        return r;
    }
}
