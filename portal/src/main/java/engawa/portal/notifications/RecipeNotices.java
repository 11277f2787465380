package engawa.portal.notifications;

import engawa.portal.people.PeopleDirectory;
import engawa.portal.people.Person;
import engawa.portal.recipes.RecipeHealthChanged;
import engawa.portal.recipes.RecipeLookup;
import engawa.portal.recipes.RunCompleted;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who hears what from recipes: the person who ran one (a failure or no answer; a success only when
 * they left the run's page, which tells them itself), and a recipe's owners when it breaks or
 * works again.
 */
@Component
class RecipeNotices {

    private final Notifier notifier;
    private final PeopleDirectory people;
    private final RecipeLookup recipes;

    RecipeNotices(Notifier notifier, PeopleDirectory people, RecipeLookup recipes) {
        this.notifier = notifier;
        this.people = people;
        this.recipes = recipes;
    }

    @EventListener
    void on(RunCompleted event) {
        if (event.run().test() || event.run().requestedBy() == null) {
            return; // owners' test runs and scheduled checks: the owners watch those on the recipe
        }
        Optional<Person> runner = people.person(event.run().requestedBy());
        if (runner.isEmpty()) {
            return;
        }
        String status = event.run().status();
        String message = switch (status) {
            case "failed" -> "runFailed";
            case "no-answer" -> "runNoAnswer";
            case "succeeded" -> recipes.runWatched(event.runId()) ? null : "runSucceeded";
            default -> null;
        };
        if (message == null) {
            return;
        }
        String said = event.run().message() == null || event.run().message().isBlank() ? "" : event.run().message();
        notifier.tell(List.of(runner.get().id()), Notice.of(Topic.MY_RUNS, message, "/runs/" + event.runId(),
                "A recipe you ran has finished", Text.of(event.recipe().title()), Text.of(shorten(said))));
    }

    @EventListener
    void on(RecipeHealthChanged event) {
        String message = switch (event.health().to()) {
            case "broken" -> "recipeBroken";
            case "healthy" -> "broken".equals(event.health().from()) ? "recipeMended" : null;
            default -> null;
        };
        if (message == null) {
            return;
        }
        notifier.tell(recipes.ownerPeople(event.recipe().recipeId()), Notice.of(Topic.MY_RECIPES, message,
                "/recipes/" + event.recipe().slug(), "A recipe you own " + (message.equals("recipeBroken") ? "broke" : "works again"),
                Text.of(event.recipe().title()), Text.of(String.valueOf(event.health().failuresInARow()))));
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 197) + "..." : text;
    }
}
