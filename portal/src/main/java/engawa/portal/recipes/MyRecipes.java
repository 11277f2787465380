package engawa.portal.recipes;

import engawa.db.recipes.RunStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The caller's week with recipes, in plain words: what a digest says about them. */
@Component
public class MyRecipes {

    private final RecipeRunner runs;
    private final RecipeService recipes;
    private final TimeSaved timeSaved;
    private final Clock clock;

    MyRecipes(RecipeRunner runs, RecipeService recipes, TimeSaved timeSaved, Clock clock) {
        this.runs = runs;
        this.recipes = recipes;
        this.timeSaved = timeSaved;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public MyRecipesWeek week(ZoneId zone) {
        Instant weekAgo = clock.instant().minus(Duration.ofDays(7));
        List<RecipeRun> recent = runs.mine(PageRequest.of(0, 200)).stream()
                .filter(r -> r.row().requestedAt().isAfter(weekAgo)).toList();
        int failed = (int) recent.stream()
                .filter(r -> r.row().status() == RunStatus.FAILED || r.row().status() == RunStatus.NO_ANSWER).count();
        return new MyRecipesWeek(recent.size(), failed, timeSaved.thisMonth(zone).mine(), recipes.brokenOfMine());
    }
}
