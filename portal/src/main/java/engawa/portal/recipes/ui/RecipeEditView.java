package engawa.portal.recipes.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import engawa.db.recipes.RecipeStatus;
import engawa.portal.people.TeamSummary;
import engawa.portal.people.UserAccountService;
import engawa.portal.recipes.Categories;
import engawa.portal.recipes.Recipe;
import engawa.portal.recipes.RecipeDraft;
import engawa.portal.recipes.RecipeService;
import engawa.portal.recipes.RecipeTarget;
import engawa.portal.recipes.SavedRecipe;
import engawa.portal.shared.SafeMarkdown;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.ui.Card;
import engawa.portal.people.ui.CurrentPerson;
import engawa.portal.shared.ui.FormErrors;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writing a recipe, for its owners: the words people read, the form they fill in, where it sends
 * and whether the portal tests it. A draft is saved or published; a published recipe's change is
 * published as its next version. A new signing secret is shown once, here.
 */
@Route("recipes/:slug/edit")
@PermitAll
public class RecipeEditView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    static final String NEW = "new";

    private final RecipeService recipes;
    private final CurrentPerson person;
    private final UserAccountService users;
    private final TextField slug = new TextField();
    private final Select<String> owner = new Select<>();
    private final Select<String> category = new Select<>();
    private final TextField tags = new TextField();
    private final TextField titleEn = new TextField();
    private final TextField titleJa = new TextField();
    private final TextField summaryEn = new TextField();
    private final TextField summaryJa = new TextField();
    private final TextArea stepsEn = new TextArea();
    private final TextArea stepsJa = new TextArea();
    private final TextArea plainPreviewEn = new TextArea();
    private final TextArea plainPreviewJa = new TextArea();
    private final IntegerField minutesSaved = new IntegerField();
    private final TextField targetUrl = new TextField();
    private final Checkbox newSecret = new Checkbox();
    private final Checkbox callsBack = new Checkbox();
    private final IntegerField answerMinutes = new IntegerField();
    private final Checkbox testRuns = new Checkbox();
    private final IntegerField testEveryDays = new IntegerField();
    private InputEditor inputs;
    private Recipe editing;
    private String title = "";

    RecipeEditView(RecipeService recipes, CurrentPerson person, UserAccountService users) {
        this.recipes = recipes;
        this.person = person;
        this.users = users;
        addClassName("page");
        addClassName("recipe-edit-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String key = event.getRouteParameters().get("slug").orElse(NEW);
        removeAll();
        editing = null;
        if (!key.equals(NEW)) {
            try {
                editing = recipes.get(key);
            } catch (UserFacingException e) {
                add(new H1(getTranslation("recipes.notFound.title")), new Paragraph(e.messageIn(getLocale())));
                return;
            }
            if (!editing.mayEdit()) {
                title = getTranslation("recipes.edit.notOwner.title");
                // not a dead end: back to the recipe, and whom to ask for a change
                add(new H1(title), new Paragraph(getTranslation("recipes.notOwner", editing.title(RecipeLabels.japanese(this)))),
                        new AskTheOwners(recipes.contact(editing)), backToRecipe());
                return;
            }
        }
        build();
    }

    private RouterLink backToRecipe() {
        return new RouterLink(getTranslation("recipes.edit.back"), RecipeView.class, new RouteParameters("slug", editing.slug()));
    }

    private void build() {
        boolean creating = editing == null;
        title = creating ? getTranslation("recipes.edit.newTitle") : getTranslation("recipes.edit.title",
                editing.title(RecipeLabels.japanese(this)));
        add(new H1(title));
        if (!creating) {
            add(backToRecipe());
        }

        slug.setLabel(getTranslation("recipes.edit.slug"));
        slug.setHelperText(getTranslation("recipes.edit.slug.help"));
        slug.setId("recipe-slug");
        slug.setVisible(creating);
        owner.setLabel(getTranslation("recipes.edit.owner"));
        owner.setId("recipe-owner");
        Map<String, String> owners = new LinkedHashMap<>();
        List<TeamSummary> teams = users.profile(person.username()).teams();
        teams.forEach(t -> owners.put(t.slug(), t.name()));
        owners.put("user:" + person.username(), getTranslation("recipes.edit.owner.me"));
        if (!creating) {
            owners.putIfAbsent(editing.ownerRef(), editing.ownerName());
        }
        owner.setItems(new ArrayList<>(owners.keySet()));
        owner.setItemLabelGenerator(owners::get);
        category.setLabel(getTranslation("recipes.edit.category"));
        category.setId("recipe-category");
        category.setItems(Categories.ALL);
        category.setItemLabelGenerator(c -> RecipeLabels.category(this, c));
        tags.setLabel(getTranslation("recipes.edit.tags"));
        tags.setHelperText(getTranslation("recipes.edit.tags.help"));
        titleEn.setLabel(getTranslation("recipes.edit.titleEn"));
        titleEn.setId("recipe-title-en");
        titleEn.setMaxLength(RecipeDraft.TITLE_MAX_LENGTH);
        titleJa.setMaxLength(RecipeDraft.TITLE_MAX_LENGTH);
        titleJa.setLabel(getTranslation("recipes.edit.titleJa"));
        summaryEn.setLabel(getTranslation("recipes.edit.summaryEn"));
        summaryEn.setId("recipe-summary-en");
        summaryEn.setMaxLength(RecipeDraft.SUMMARY_MAX_LENGTH);
        summaryJa.setMaxLength(RecipeDraft.SUMMARY_MAX_LENGTH);
        summaryJa.setLabel(getTranslation("recipes.edit.summaryJa"));
        stepsEn.setLabel(getTranslation("recipes.edit.stepsEn"));
        stepsEn.setMaxLength(SafeMarkdown.MAX_LENGTH);
        stepsJa.setMaxLength(SafeMarkdown.MAX_LENGTH);
        stepsEn.setHelperText(getTranslation("recipes.edit.steps.help"));
        stepsEn.setId("recipe-steps-en");
        stepsJa.setLabel(getTranslation("recipes.edit.stepsJa"));
        stepsEn.setMinHeight("8em");
        stepsJa.setMinHeight("8em");
        minutesSaved.setLabel(getTranslation("recipes.edit.minutesSaved"));
        minutesSaved.setHelperText(getTranslation("recipes.edit.minutesSaved.help"));
        minutesSaved.setId("recipe-minutes");
        minutesSaved.setMin(0);
        minutesSaved.setMax(RecipeDraft.MAX_MINUTES);
        FormLayout about = new FormLayout(slug, owner, category, tags, titleEn, titleJa, summaryEn, summaryJa, minutesSaved);
        about.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        plainPreviewEn.setLabel(getTranslation("recipes.edit.plainPreviewEn"));
        plainPreviewEn.setHelperText(getTranslation("recipes.edit.plainPreview.help"));
        plainPreviewEn.setId("recipe-plain-preview-en");
        plainPreviewJa.setLabel(getTranslation("recipes.edit.plainPreviewJa"));
        plainPreviewJa.setId("recipe-plain-preview-ja");
        plainPreviewEn.setMaxLength(RecipeDraft.PLAIN_PREVIEW_MAX_LENGTH);
        plainPreviewJa.setMaxLength(RecipeDraft.PLAIN_PREVIEW_MAX_LENGTH);
        FormLayout steps = new FormLayout(stepsEn, stepsJa, plainPreviewEn, plainPreviewJa);
        steps.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("50em", 2));

        targetUrl.setLabel(getTranslation("recipes.edit.target"));
        targetUrl.setId("recipe-target");
        targetUrl.setWidthFull();
        targetUrl.setHelperText(getTranslation("recipes.edit.target.help"));
        newSecret.setLabel(getTranslation("recipes.edit.newSecret"));
        callsBack.setLabel(getTranslation("recipes.edit.callsBack"));
        callsBack.setId("recipe-calls-back");
        answerMinutes.setLabel(getTranslation("recipes.edit.answerMinutes"));
        answerMinutes.setMin(1);
        answerMinutes.setMax(RecipeDraft.MAX_MINUTES);
        testRuns.setLabel(getTranslation("recipes.edit.testRuns"));
        testRuns.setId("recipe-test-runs");
        testEveryDays.setLabel(getTranslation("recipes.edit.testEveryDays"));
        testEveryDays.setMin(1);
        testEveryDays.setMax(RecipeDraft.MAX_TEST_EVERY_DAYS);
        Paragraph zapierNote = new Paragraph(getTranslation("webhooks.zapier.note"));
        zapierNote.addClassName("hint");
        Details callbackHowTo = new Details(getTranslation("recipes.edit.callback.howTo"),
                new Paragraph(getTranslation("recipes.edit.callback.steps")),
                new Pre("POST {{callback_url}}\nContent-Type: application/json\n\n"
                        + "{\"status\": \"succeeded\", \"message\": \"Row 42 added\", \"output\": {\"row\": 42}}"));
        FormLayout delivery = new FormLayout(targetUrl, newSecret, callsBack, answerMinutes, testRuns, testEveryDays);
        delivery.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        delivery.setColspan(targetUrl, 2);

        if (editing != null) {
            fill(editing);
        } else {
            owner.setValue(teams.isEmpty() ? "user:" + person.username() : teams.getFirst().slug());
            category.setValue("other");
            minutesSaved.setValue(10);
            answerMinutes.setValue(15);
            testEveryDays.setValue(7);
        }
        inputs = new InputEditor(editing == null ? List.of() : editing.inputs());
        newSecret.setVisible(editing != null && editing.hasTarget());

        add(new Card(getTranslation("recipes.edit.about"), about),
                new Card(getTranslation("recipes.edit.steps"), steps),
                new Card(getTranslation("recipes.edit.form"), new Paragraph(getTranslation("recipes.edit.form.help")), inputs),
                new Card(getTranslation("recipes.edit.delivery"), delivery, zapierNote, callbackHowTo));
        add(buttons());
    }

    private void fill(Recipe r) {
        slug.setValue(r.slug());
        owner.setValue(r.ownerRef());
        category.setValue(r.category());
        tags.setValue(String.join(", ", r.tags()));
        titleEn.setValue(nz(r.titleEn()));
        titleJa.setValue(nz(r.titleJa()));
        summaryEn.setValue(nz(r.summaryEn()));
        summaryJa.setValue(nz(r.summaryJa()));
        stepsEn.setValue(nz(r.stepsEn()));
        stepsJa.setValue(nz(r.stepsJa()));
        plainPreviewEn.setValue(nz(r.plainPreviewEn()));
        plainPreviewJa.setValue(nz(r.plainPreviewJa()));
        minutesSaved.setValue(r.minutesSaved());
        callsBack.setValue(r.callsBack());
        answerMinutes.setValue(r.answerMinutes());
        testRuns.setValue(r.testRunsEnabled());
        testEveryDays.setValue(r.testEveryDays());
        RecipeTarget target = recipes.target(r.slug());
        if (target != null) {
            targetUrl.setValue(target.url());
        }
    }

    private HorizontalLayout buttons() {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.addClassName("form-footer");
        boolean published = editing != null && editing.status() == RecipeStatus.PUBLISHED;
        Button save = new Button(getTranslation(published ? "recipes.edit.publishChanges" : "recipes.edit.saveDraft"),
                e -> save(false));
        save.setId("recipe-save");
        save.addThemeVariants(published ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_CONTRAST);
        buttons.add(save);
        if (!published) {
            Button publish = new Button(getTranslation("recipes.edit.publish"), e -> save(true));
            publish.setId("recipe-publish");
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            buttons.add(publish);
        } else {
            Button archive = new Button(getTranslation("recipes.edit.archive"), e -> {
                recipes.archive(editing.slug());
                FormErrors.notifySuccess(getTranslation("recipes.edit.archived"));
                toRecipe(editing.slug());
            });
            archive.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            buttons.add(archive);
        }
        return buttons;
    }

    private void save(boolean publish) {
        Map<String, HasValidation> fields = fields();
        FormErrors.clear(fields);
        RecipeDraft draft = new RecipeDraft(slug.getValue().strip(), owner.getValue(), category.getValue(),
                Arrays.stream(tags.getValue().split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList(),
                titleEn.getValue(), titleJa.getValue(), summaryEn.getValue(), summaryJa.getValue(), stepsEn.getValue(),
                stepsJa.getValue(), inputs.inputs(), minutesSaved.getValue(), callsBack.getValue(), answerMinutes.getValue(),
                testRuns.getValue(), testEveryDays.getValue(), targetUrl.getValue(), newSecret.getValue())
                .withPlainPreview(plainPreviewEn.getValue(), plainPreviewJa.getValue());
        try {
            SavedRecipe saved = editing == null ? recipes.create(draft)
                    : recipes.update(editing.slug(), editing.editVersion(), draft);
            String slugSaved = saved.recipe().slug();
            if (publish) {
                recipes.publish(slugSaved);
            }
            FormErrors.notifySuccess(getTranslation(publish || saved.recipe().status() == RecipeStatus.PUBLISHED
                    ? "recipes.edit.publishedNow" : "recipes.edit.saved"));
            if (saved.newSecret() != null) {
                showSecret(saved.newSecret(), slugSaved);
            } else {
                toRecipe(slugSaved);
            }
        } catch (UserFacingException refusal) {
            FormErrors.show(this, refusal, fields);
        }
    }

    private void showSecret(String secret, String slugSaved) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("recipes.edit.secret.title"));
        Span value = new Span(secret);
        value.addClassName("token-value");
        value.setId("recipe-secret");
        dialog.add(new Paragraph(getTranslation("recipes.edit.secret.text")), value);
        Button done = new Button(getTranslation("recipes.edit.secret.done"), e -> {
            dialog.close();
            toRecipe(slugSaved);
        });
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.setId("recipe-secret-done");
        dialog.getFooter().add(done);
        dialog.setCloseOnOutsideClick(false);
        dialog.open();
    }

    private void toRecipe(String slugSaved) {
        getUI().ifPresent(ui -> ui.navigate(RecipeView.class, new RouteParameters("slug", slugSaved)));
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("slug", slug);
        fields.put("owner", owner);
        fields.put("category", category);
        fields.put("tags", tags);
        fields.put("titleEn", titleEn);
        fields.put("titleJa", titleJa);
        fields.put("summaryEn", summaryEn);
        fields.put("summaryJa", summaryJa);
        fields.put("stepsEn", stepsEn);
        fields.put("stepsJa", stepsJa);
        fields.put("plainPreviewEn", plainPreviewEn);
        fields.put("plainPreviewJa", plainPreviewJa);
        fields.put("minutesSaved", minutesSaved);
        fields.put("targetUrl", targetUrl);
        fields.put("answerMinutes", answerMinutes);
        fields.put("testEveryDays", testEveryDays);
        fields.putAll(inputs.validated());
        return fields;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
