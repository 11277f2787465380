package engawa.portal.recipes.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import engawa.db.recipes.RunRow;
import engawa.db.recipes.RunStatus;
import engawa.portal.recipes.InputKind;
import engawa.portal.recipes.Recipe;
import engawa.portal.recipes.RecipeService;
import engawa.portal.recipes.RecipeRun;
import engawa.portal.recipes.RecipeRunner;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.ui.FormErrors;
import engawa.portal.shared.ui.Formats;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import java.util.UUID;

/**
 * A run as it happens: Queued, Sent, then Succeeded, Failed or No answer, updated by itself
 * (server push), with what happened in words and a Try again button when it did not work.
 */
@Route("runs/:id")
@PermitAll
public class RunView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private final RecipeRunner runner;
    private final RecipeService recipes;
    private final RunPushes pushes;
    private final Div content = new Div();
    private RecipeRun run;

    RunView(RecipeRunner runner, RecipeService recipes, RunPushes pushes) {
        this.runner = runner;
        this.recipes = recipes;
        this.pushes = pushes;
        addClassName("page");
        addClassName("run-view");
        add(content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        try {
            run = runner.get(UUID.fromString(id));
            show(run.row());
        } catch (IllegalArgumentException | UserFacingException e) {
            run = null;
            content.removeAll();
            content.add(new H1(getTranslation("recipes.run.notFound.title")),
                    new Paragraph(getTranslation("recipes.run.notFound", id)),
                    new RouterLink(getTranslation("recipes.backToGallery"), RecipesView.class));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (run != null && !run.row().status().finished()) {
            pushes.watch(this, event.getUI(), run.row().id(), run.row().status());
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        pushes.forget(this);
    }

    void show(RunRow row) {
        boolean ja = RecipeLabels.japanese(this);
        content.removeAll();
        if (row.status().finished()) {
            pushes.forget(this);
        }
        RouterLink back = new RouterLink(getTranslation("recipes.run.backToRecipe"), RecipeView.class,
                new RouteParameters("slug", row.recipeSlug()));
        String recipeTitle = ja && row.recipeTitleJa() != null ? row.recipeTitleJa() : row.recipeTitleEn();
        H1 heading = new H1(recipeTitle);
        content.add(back, heading);

        Div state = new Div();
        state.addClassName("run-state");
        state.addClassName("run-state-" + row.status().name().toLowerCase(java.util.Locale.ROOT));
        state.setId("run-status");
        state.getElement().setAttribute("role", "status");
        state.getElement().setAttribute("aria-live", "polite");
        Icon icon = switch (row.status()) {
            case SUCCEEDED -> VaadinIcon.CHECK_CIRCLE.create();
            case FAILED -> VaadinIcon.CLOSE_CIRCLE.create();
            case NO_ANSWER -> VaadinIcon.QUESTION_CIRCLE.create();
            default -> VaadinIcon.HOURGLASS.create();
        };
        icon.getElement().setAttribute("aria-hidden", "true");
        Span label = new Span(RecipeLabels.status(this, row.status()));
        label.addClassName("run-state-label");
        label.setId("run-status-label");
        state.add(icon, label);
        content.add(state);
        Paragraph explanation = new Paragraph(explanation(row));
        explanation.setId("run-message");
        content.add(explanation);
        if (row.message() != null && !row.message().isBlank()) {
            Paragraph message = new Paragraph(getTranslation("recipes.run.workflowSaid", row.message()));
            message.addClassName("run-workflow-message");
            content.add(message);
        }
        content.add(steps(row));
        if (row.status().finished()) {
            content.add(nextSteps(row));
        }
        Div facts = new Div();
        facts.addClassName("card");
        facts.add(new H2(getTranslation("recipes.run.details")));
        facts.add(new Paragraph(getTranslation("recipes.run.requested", Formats.dateTime(row.requestedAt()),
                RecipeLabels.who(this, row),
                row.version())));
        if (row.test()) {
            facts.add(new Paragraph(getTranslation("recipes.run.isTest")));
        }
        Map<String, Object> inputs = run == null ? Map.of() : run.inputs();
        if (!inputs.isEmpty()) {
            Div table = new Div();
            table.addClassName("facts");
            inputs.forEach((key, value) -> {
                Span k = new Span(run.label(key, ja));
                k.addClassName("fact-label");
                table.add(k, new Span(answer(run.kind(key), value)));
            });
            facts.add(table);
        }
        content.add(facts);
    }

    /**
     * What the person can do now. After a failure: try again (unless the recipe is Broken, when it
     * would only fail again; its owners still can) and whom to ask; after any end: run it again with
     * the same answers (the form filled in, to change before running), their runs, all recipes.
     */
    private Div nextSteps(RunRow row) {
        Div next = new Div();
        next.addClassName("run-next");
        Recipe recipe = recipeOf(row);
        Div actions = new Div();
        actions.addClassName("run-next-actions");
        boolean failed = row.status() != RunStatus.SUCCEEDED;
        if (failed && recipe != null) {
            next.add(new AskTheOwners(recipes.contact(recipe)));
        }
        boolean brokenForThem = recipe != null && recipe.broken() && !recipe.mayEdit();
        if (failed && brokenForThem) {
            Paragraph broken = new Paragraph(getTranslation("recipes.run.brokenNoRetry", recipe.failuresInARow()));
            broken.setId("run-broken");
            broken.addClassName("warning-text");
            next.add(broken);
        } else if (failed) {
            Button again = new Button(getTranslation("recipes.run.tryAgain"), VaadinIcon.REFRESH.create(), e -> {
                try {
                    UUID id = runner.tryAgain(row.id(), Formats.zone(), getLocale());
                    getUI().ifPresent(ui -> ui.navigate(RunView.class, new RouteParameters("id", id.toString())));
                } catch (UserFacingException refusal) {
                    FormErrors.notifyError(refusal.messageIn(getLocale()));
                }
            });
            again.setId("run-try-again");
            again.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(again);
        }
        if (recipe != null && recipe.runnable() && !brokenForThem) {
            RouterLink sameAnswers = new RouterLink(getTranslation("recipes.run.again"), RecipeView.class,
                    new RouteParameters("slug", row.recipeSlug()));
            sameAnswers.setQueryParameters(QueryParameters.of(RecipeView.FROM_RUN, row.id().toString()));
            sameAnswers.setId("run-again");
            actions.add(sameAnswers);
        }
        RouterLink mine = new RouterLink(getTranslation("recipes.myRuns"), MyRunsView.class);
        mine.setId("run-my-runs");
        RouterLink all = new RouterLink(getTranslation("recipes.run.allRecipes"), RecipesView.class);
        all.setId("run-all-recipes");
        actions.add(mine, all);
        next.add(actions);
        return next;
    }

    private Recipe recipeOf(RunRow row) {
        try {
            return recipes.get(row.recipeSlug());
        } catch (UserFacingException goneOrHidden) {
            return null;
        }
    }

    private String explanation(RunRow row) {
        return switch (row.status()) {
            case QUEUED -> row.deliveryNote() != null
                    ? getTranslation("recipes.run.explain.retrying", Formats.dateTime(row.nextAttemptAt()))
                    : getTranslation("recipes.run.explain.queued");
            case SENT -> getTranslation("recipes.run.explain.sent", Formats.dateTime(row.answerBy()));
            case SUCCEEDED -> getTranslation("recipes.run.explain.succeeded");
            case FAILED -> getTranslation("recipes.run.explain.failed");
            case NO_ANSWER -> getTranslation("recipes.run.explain.noAnswer");
        };
    }

    /** Queued → Sent → result, the current step marked for screen readers too. */
    private OrderedList steps(RunRow row) {
        OrderedList list = new OrderedList();
        list.addClassName("run-steps");
        int reached = switch (row.status()) {
            case QUEUED -> 0;
            case SENT -> 1;
            default -> 2;
        };
        String[] keys = {"recipes.run.step.queued", "recipes.run.step.sent",
                row.status().finished() ? "recipes.run.status." + row.status().name().toLowerCase(java.util.Locale.ROOT)
                        : "recipes.run.step.done"};
        for (int i = 0; i < keys.length; i++) {
            ListItem item = new ListItem(getTranslation(keys[i]));
            boolean last = i == keys.length - 1;
            if (last && row.status().finished()) {
                // the result is the current step, ticked when it worked and marked when not
                item.addClassName(row.status() == RunStatus.SUCCEEDED ? "run-step-done" : "run-step-failed");
                item.getElement().setAttribute("aria-current", "step");
            } else {
                item.addClassName(i < reached ? "run-step-done" : i == reached ? "run-step-current" : "run-step-next");
                if (i == reached) {
                    item.getElement().setAttribute("aria-current", "step");
                }
            }
            list.add(item);
        }
        return list;
    }

    private String answer(InputKind kind, Object value) {
        String shown = AnswerText.of(this, kind, value);
        return shown.isEmpty() ? "—" : shown;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recipes.run.title") + " · " + getTranslation("app.name");
    }
}
