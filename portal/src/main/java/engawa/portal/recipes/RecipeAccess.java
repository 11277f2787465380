package engawa.portal.recipes;

import engawa.db.recipes.RecipeRow;
import engawa.db.recipes.RecipeStatus;
import engawa.db.recipes.Recipes;
import engawa.integrations.webhooks.TargetGuard;
import engawa.integrations.webhooks.ZapierHooks;
import engawa.portal.people.Callers.Caller;
import engawa.portal.people.Ownership;
import engawa.portal.shared.UserFacingException;
import java.net.URI;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may see and change a recipe, for the services that have already checked that someone is
 * signed in ({@link RecipeService}, {@link RecipeRunner}). Kept out of their secured proxies so
 * that a run pays for one authorisation, not one per question it asks.
 */
@Component
class RecipeAccess {

    private static final TypeReference<List<RecipeInput>> INPUTS = new TypeReference<>() {
    };

    private final Recipes recipes;
    private final Ownership ownership;
    private final JsonMapper json;
    private final TargetGuard guard;

    RecipeAccess(Recipes recipes, Ownership ownership, JsonMapper json, TargetGuard guard) {
        this.guard = guard;
        this.recipes = recipes;
        this.ownership = ownership;
        this.json = json;
    }

    /** Published and archived recipes for everyone, a draft for its owners; else "not found". */
    RecipeRow visible(Caller caller, String slug) {
        return recipes.find(slug).filter(r -> r.status() != RecipeStatus.DRAFT || mayEdit(caller, r))
                .orElseThrow(() -> UserFacingException.notFound("recipes.notFound", slug));
    }

    /** One the caller owns; others' recipes answer "forbidden" when visible, "not found" when a draft. */
    RecipeRow owned(Caller caller, String slug) {
        RecipeRow row = visible(caller, slug);
        if (!mayEdit(caller, row)) {
            throw UserFacingException.forbidden("recipes.notOwner", row.values().titleEn());
        }
        return row;
    }

    boolean mayEdit(Caller caller, RecipeRow row) {
        return mayEditOwnedBy(caller, row.values().ownerTeamId(), row.values().ownerUserId());
    }

    boolean mayEditOwnedBy(Caller caller, Long teamId, Long userId) {
        return ownership.mayChange(caller, teamId, userId);
    }

    /** What owners are told about where runs go. */
    RecipeTarget target(RecipeRow row) {
        if (row.targetUrl() == null) {
            return null;
        }
        URI uri = URI.create(row.targetUrl());
        return new RecipeTarget(row.targetUrl(), ZapierHooks.isCatchHook(uri), guard.isExempt(uri));
    }

    /** A form's fields from their stored JSON. */
    List<RecipeInput> inputs(String inputsJson) {
        return inputsJson == null || inputsJson.isBlank() ? List.of() : json.readValue(inputsJson, INPUTS);
    }

    /** The fields of a run's recipe, whatever its state now: the run was already checked as the caller's to see. */
    List<RecipeInput> inputsOf(String slug) {
        return recipes.find(slug).map(r -> inputs(r.values().inputsJson())).orElse(List.of());
    }
}
