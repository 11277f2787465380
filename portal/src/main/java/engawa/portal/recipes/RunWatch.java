package engawa.portal.recipes;

import engawa.db.recipes.RecipeRuns;
import engawa.db.recipes.RunRow;
import engawa.db.recipes.RunStatus;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statuses of runs that open pages show, in one query for all of them: what lets a run page
 * update by itself whichever instance finished the run. Only ids a page was allowed to open are asked for.
 */
@Component
public class RunWatch {

    private final RecipeRuns runs;

    RunWatch(RecipeRuns runs) {
        this.runs = runs;
    }

    @Transactional(readOnly = true)
    public Map<UUID, RunStatus> statuses(List<UUID> ids) {
        return ids.isEmpty() ? Map.of() : runs.statuses(ids);
    }

    /** A run a page was already allowed to open, read again after its status changed. */
    @Transactional(readOnly = true)
    public java.util.Optional<RunRow> reread(UUID id) {
        return runs.find(id);
    }
}
