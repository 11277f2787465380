package engawa.portal.recipes.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import engawa.db.recipes.RecipeStatus;
import engawa.portal.recipes.InputRules;
import engawa.portal.recipes.PlainPreview;
import engawa.portal.recipes.Recipe;
import engawa.portal.recipes.RecipePage;
import engawa.portal.recipes.RecipeRun;
import engawa.portal.recipes.RecipeRunner;
import engawa.portal.recipes.RecipeService;
import engawa.portal.recipes.RecipeStats;
import engawa.portal.recipes.RecipeTarget;
import engawa.portal.recipes.RunOptions;
import engawa.portal.recipes.RunPreview;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.ui.Card;
import engawa.portal.shared.ui.FormErrors;
import engawa.portal.shared.ui.Formats;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * One recipe: what it does and how, its form and the Run button, and whether it still works.
 * Its owners also see where it sends, its recent runs and versions, and can send a test run;
 * nobody else sees the target or anything of its secret.
 */
@Route("recipes/:slug")
@PermitAll
public class RecipeView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    /** The query parameter naming a run whose answers fill the form: "Run again with the same answers". */
    static final String FROM_RUN = "from";

    private final RecipeRunner runner;
    private final RecipeService recipes;
    private final JsonMapper json;
    private final Clock clock;
    private String title = "";
    private RecipeForm form;

    RecipeView(RecipeRunner runner, RecipeService recipes, JsonMapper json, Clock clock) {
        this.runner = runner;
        this.recipes = recipes;
        this.json = json;
        this.clock = clock;
        addClassName("page");
        addClassName("recipe-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        removeAll();
        try {
            show(runner.page(slug, Formats.zone()));
            event.getLocation().getQueryParameters().getSingleParameter(FROM_RUN)
                    .ifPresent(run -> fillFrom(slug, run));
        } catch (UserFacingException e) {
            if (e.kind() != UserFacingException.Kind.NOT_FOUND) {
                throw e;
            }
            title = getTranslation("recipes.notFound.title");
            add(new H1(title), new Paragraph(e.messageIn(getLocale())),
                    new RouterLink(getTranslation("recipes.backToGallery"), RecipesView.class));
        }
    }

    /** The answers of an earlier run of this recipe, when the person may see that run. */
    private void fillFrom(String slug, String runId) {
        try {
            RecipeRun earlier = runner.get(UUID.fromString(runId));
            if (earlier.row().recipeSlug().equals(slug) && form != null) {
                form.fill(earlier.inputs());
            }
        } catch (IllegalArgumentException | UserFacingException notTheirs) {
            // an old or someone else's link: the form keeps its defaults
        }
    }

    private void show(RecipePage page) {
        Recipe recipe = page.recipe();
        boolean ja = RecipeLabels.japanese(this);
        title = recipe.title(ja);
        RouterLink back = new RouterLink(getTranslation("recipes.backToGallery"), RecipesView.class);
        back.addClassName("back-link");
        H1 heading = new H1(title);
        heading.setId("recipe-title");
        Div badges = new Div();
        badges.addClassName("recipe-badges");
        badges.add(RecipeLabels.badge(RecipeLabels.category(this, recipe.category()), "contrast"));
        if (recipe.minutesSaved() > 0) {
            badges.add(RecipeLabels.badge(getTranslation("recipes.saves", Minutes.format(this, recipe.minutesSaved())),
                    "success"));
        }
        RecipeLabels.addStateBadges(this, badges, recipe, clock.instant());
        Paragraph summary = new Paragraph(recipe.summary(ja));
        summary.addClassName("recipe-summary");
        Paragraph owner = new Paragraph(getTranslation("recipes.ownedBy", recipe.ownerName()));
        owner.addClassName("hint");
        add(back, heading, badges, summary, owner);

        if (recipe.status() == RecipeStatus.DRAFT) {
            add(notice(getTranslation("recipes.draftNotice")));
        } else if (recipe.status() == RecipeStatus.ARCHIVED) {
            add(notice(getTranslation("recipes.archivedNotice")));
        } else if (recipe.broken()) {
            Div notice = notice(getTranslation("recipes.brokenNotice", recipe.failuresInARow()));
            notice.add(new AskTheOwners(recipes.contact(recipe)));
            add(notice);
        }

        Div columns = new Div();
        columns.addClassName("recipe-columns");
        Div main = new Div();
        main.addClassName("recipe-main");
        Div side = new Div();
        side.addClassName("recipe-side");
        columns.add(main, side);
        add(columns);

        String steps = recipe.stepsHtml(ja);
        if (!steps.isBlank()) {
            Div card = new Card(getTranslation("recipes.howItWorks"));
            Html html = new Html("<div class=\"recipe-steps\">" + steps + "</div>");
            card.add(html);
            main.add(card);
        }
        main.add(runCard(recipe, page.me(), ja));
        side.add(healthCard(recipe, page.stats()));
        if (recipe.mayEdit()) {
            side.add(ownerCard(page));
        }
    }

    private Div runCard(Recipe recipe, InputRules.Me me, boolean ja) {
        Div card = new Card(getTranslation("recipes.runIt"));
        card.setId("recipe-run-card");
        form = new RecipeForm(recipe.inputs(), me, ja);
        if (form.isEmpty()) {
            card.add(new Paragraph(getTranslation("recipes.noInputs")));
        }
        card.add(form);
        String template = recipe.plainPreview(ja);
        if (template != null && !template.isBlank()) {
            // the owners' words for what Run will do, with the answers as they are now
            Paragraph plain = new Paragraph();
            plain.setId("recipe-plain-preview");
            plain.addClassName("plain-preview");
            plain.getElement().setAttribute("aria-live", "polite");
            Runnable update = () -> plain.setText(PlainPreview.render(template, form::shown));
            update.run();
            form.onChange(update);
            card.add(plain);
        }
        // Run is the one action of the form; the owners' tools are in their own card
        Button run = new Button(getTranslation("recipes.run"), VaadinIcon.PLAY.create());
        run.setId("recipe-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setEnabled(recipe.runnable());
        run.setDisableOnClick(true);
        run.addClickListener(e -> {
            run(recipe, false, false);
            run.setEnabled(true);
        });
        HorizontalLayout buttons = new HorizontalLayout(run);
        buttons.addClassName("form-footer");
        card.add(buttons);
        if (!recipe.runnable()) {
            Paragraph why = new Paragraph(getTranslation(recipe.status() == RecipeStatus.PUBLISHED
                    ? "recipes.run.noTarget" : recipe.status() == RecipeStatus.DRAFT ? "recipes.run.draft"
                    : "recipes.run.archived", recipe.title(ja)));
            why.addClassName("hint");
            card.add(why);
        } else if (!form.isEmpty()) {
            // focus is sent with the page's response, on the first open and when the view is reused
            form.focusFirstEmpty();
        }
        return card;
    }

    /**
     * Runs and opens the run's page; refused answers are shown under their fields, and answers the
     * owners only warned about are put to the person to confirm.
     */
    private void run(Recipe recipe, boolean test, boolean confirmed) {
        try {
            UUID id = runner.run(recipe.slug(), form.answers(), new RunOptions(test, confirmed, Formats.zone(), getLocale()));
            getUI().ifPresent(ui -> ui.navigate(RunView.class, new RouteParameters("id", id.toString())));
        } catch (UserFacingException refusal) {
            FormErrors.show(this, refusal, form.validated());
            if (Boolean.TRUE.equals(refusal.problemProperties().get("confirm"))) {
                confirm(refusal, () -> run(recipe, test, true));
            }
        }
    }

    private void confirm(UserFacingException doubts, Runnable runAnyway) {
        Dialog dialog = new Dialog();
        dialog.setId("recipe-confirm");
        dialog.setHeaderTitle(getTranslation("recipes.confirm.title"));
        UnorderedList list = new UnorderedList();
        doubts.fieldProblems().forEach(p -> list.add(new ListItem(p.messageIn(getLocale()))));
        dialog.add(new Paragraph(getTranslation("recipes.confirm.text")), list);
        Button fix = new Button(getTranslation("recipes.confirm.fix"), e -> {
            dialog.close();
            FormErrors.focusFirstInvalid(form.validated());
        });
        fix.setId("recipe-confirm-fix");
        Button anyway = new Button(getTranslation("recipes.confirm.run"), e -> {
            dialog.close();
            runAnyway.run();
        });
        anyway.setId("recipe-confirm-run");
        anyway.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(fix, anyway);
        dialog.open();
    }

    private void preview(Recipe recipe, boolean test) {
        RunPreview preview;
        try {
            preview = runner.preview(recipe.slug(), form.answers(), new RunOptions(test, true, Formats.zone(), getLocale()));
        } catch (UserFacingException refusal) {
            FormErrors.show(this, refusal, form.validated());
            return;
        }
        FormErrors.clear(form.validated());
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("recipes.preview.title"));
        dialog.setWidth("min(48rem, 95vw)");
        Div body = new Div(new Paragraph(getTranslation("recipes.preview.text")));
        if (preview.targetUrl() != null) {
            body.add(new Paragraph(getTranslation("recipes.preview.target", preview.targetUrl())));
        }
        StringBuilder headers = new StringBuilder();
        preview.headers().forEach((k, v) -> headers.append(k).append(": ").append(v).append('\n'));
        String newId = getTranslation("recipes.preview.newId");
        body.add(new H3(getTranslation("recipes.preview.headers")),
                new Pre(headers.toString().replace(RunPreview.NEW_ID_EACH_RUN, newId)),
                new H3(getTranslation("recipes.preview.body")),
                new Pre(pretty(preview.body()).replace(RunPreview.NEW_ID_EACH_RUN, newId)));
        body.setId("recipe-preview-dialog");
        dialog.add(body);
        Button close = new Button(getTranslation("recipes.close"), e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
    }

    private String pretty(String body) {
        return json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(json.readTree(body));
    }

    private Div healthCard(Recipe recipe, RecipeStats stats) {
        Div card = new Card(getTranslation("recipes.stillWorks"));
        card.setId("recipe-health");
        UnorderedList facts = new UnorderedList();
        facts.addClassName("recipe-facts");
        facts.add(new ListItem(recipe.lastSuccessAt() == null ? getTranslation("recipes.lastSuccess.never")
                : getTranslation("recipes.lastSuccess", Formats.dateTime(recipe.lastSuccessAt()))));
        facts.add(new ListItem(stats.successPercent() < 0 ? getTranslation("recipes.successRate.none")
                : getTranslation("recipes.successRate", stats.successPercent(), stats.finished())));
        facts.add(new ListItem(getTranslation("recipes.used", recipe.runCount())));
        if (stats.minutesSavedThisMonth() > 0) {
            facts.add(new ListItem(getTranslation("recipes.savedThisMonth",
                    Minutes.format(this, stats.minutesSavedThisMonth()))));
        }
        card.add(facts);
        if (recipe.broken()) {
            Paragraph broken = new Paragraph(getTranslation("recipes.brokenExplained", recipe.failuresInARow()));
            broken.addClassName("warning-text");
            card.add(broken);
        } else if (recipe.stale(clock.instant())) {
            card.add(new Paragraph(getTranslation("recipes.staleExplained")));
        }
        return card;
    }

    /**
     * What only owners need (where it sends, versions, test runs, the exact request), folded away:
     * an owner who came to run the recipe sees the same page as everyone else.
     */
    private Details ownerCard(RecipePage page) {
        Recipe recipe = page.recipe();
        Div card = new Div();
        RecipeTarget target = page.target();
        if (target == null) {
            card.add(new Paragraph(getTranslation("recipes.target.none")));
        } else {
            Paragraph where = new Paragraph(getTranslation("recipes.target.is"));
            Span url = new Span(target.echo() ? getTranslation("recipes.target.echo") : target.url());
            url.addClassName("webhook-target");
            url.setId("recipe-target-url");
            card.add(where, url);
            if (target.zapier()) {
                Paragraph zapier = new Paragraph(getTranslation("webhooks.zapier.note"));
                zapier.addClassName("hint");
                card.add(zapier);
            }
        }
        card.add(new Paragraph(recipe.version() == 0 ? getTranslation("recipes.version.none")
                : getTranslation("recipes.version", recipe.version())));
        List<engawa.db.recipes.Recipes.VersionRow> versions = page.versions();
        if (versions.size() > 1) {
            UnorderedList history = new UnorderedList();
            history.addClassName("recipe-run-list");
            history.setId("recipe-versions");
            versions.stream().limit(5).forEach(v -> history.add(new ListItem(getTranslation("recipes.version.entry",
                    v.version(), Formats.dateTime(v.publishedAt()), v.publishedBy()))));
            card.add(history);
        }
        card.add(new Paragraph(recipe.testRunsEnabled() && recipe.nextTestAt() != null
                ? getTranslation("recipes.tests.next", Formats.dateTime(recipe.nextTestAt()), recipe.testEveryDays())
                : getTranslation("recipes.tests.off")));
        Button edit = new Button(getTranslation("recipes.edit"), VaadinIcon.EDIT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(RecipeEditView.class, new RouteParameters("slug", recipe.slug()))));
        edit.setId("recipe-edit");
        Button preview = new Button(getTranslation("recipes.preview"), VaadinIcon.EYE.create(), e -> preview(recipe, false));
        preview.setId("recipe-preview");
        preview.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div tools = new Div(edit, preview);
        tools.addClassName("owner-tools");
        if (recipe.runnable()) {
            Button test = new Button(getTranslation("recipes.sendTest"), VaadinIcon.FLASK.create(), e -> run(recipe, true, true));
            test.setId("recipe-test-run");
            test.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            tools.add(test);
        }
        card.add(tools);
        List<RecipeRun> recent = page.recentRuns();
        if (!recent.isEmpty()) {
            card.add(new H3(getTranslation("recipes.recentRuns")));
            UnorderedList list = new UnorderedList();
            list.addClassName("recipe-run-list");
            for (RecipeRun run : recent) {
                var r = run.row();
                RouterLink link = new RouterLink(Formats.dateTime(r.requestedAt()) + " · " + RecipeLabels.who(this, r),
                        RunView.class, new RouteParameters("id", r.id().toString()));
                ListItem item = new ListItem(link, new Span(" "),
                        RecipeLabels.badge(RecipeLabels.status(this, r.status()), RecipeLabels.statusTheme(r.status())));
                if (r.test()) {
                    item.add(new Span(" "), RecipeLabels.badge(getTranslation("recipes.run.test"), "contrast"));
                }
                list.add(item);
            }
            card.add(list);
        }
        Details details = new Details(getTranslation("recipes.forOwners"), card);
        details.setId("recipe-owner-card");
        details.addClassName("card");
        details.addClassName("owner-details");
        return details;
    }

    private Div notice(String text) {
        Div notice = new Div(new Span(text));
        notice.addClassName("recipe-notice");
        notice.getElement().setAttribute("role", "status");
        return notice;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
