package engawa.portal.recipes.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import engawa.db.recipes.RecipeSort;
import engawa.portal.recipes.RecipeRun;
import engawa.portal.recipes.RecipeRunner;
import engawa.portal.recipes.RecipeService;
import engawa.portal.shared.ui.HomeSection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The first thing on Home: find a recipe or press one you use. A recipe whose form has defaults
 * runs in three clicks from here (this, Run, and nothing else to fill in).
 */
@Component
class QuickRunOnHome implements HomeSection {

    /** How many recipes Home offers; more is the gallery's job. */
    static final int SHOWN = 4;
    /** Recent runs looked at to find the recipes a person uses. */
    static final int RUNS_LOOKED_AT = 30;

    private final RecipeRunner runs;
    private final RecipeService recipes;

    QuickRunOnHome(RecipeRunner runs, RecipeService recipes) {
        this.runs = runs;
        this.recipes = recipes;
    }

    @Override
    public Place place() {
        return Place.FOR_YOU;
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(com.vaadin.flow.component.Component home) {
        boolean ja = "ja".equals(com.vaadin.flow.component.UI.getCurrent().getLocale().getLanguage());
        Div box = new Div();
        box.setId("home-quick-run");
        box.addClassName("home-box");
        box.addClassName("quick-run");
        TextField search = new TextField();
        search.setId("home-recipe-search");
        search.setAriaLabel(home.getTranslation("home.quickRun.search"));
        search.setPlaceholder(home.getTranslation("home.quickRun.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.addKeyPressListener(Key.ENTER, e -> search.getUI().ifPresent(ui -> ui.navigate("recipes",
                search.getValue().isBlank() ? QueryParameters.empty()
                        : QueryParameters.simple(Map.of("q", search.getValue().strip())))));
        Div list = new Div();
        list.addClassName("quick-run-list");
        List<Link> used = used(ja);
        used.forEach(link -> list.add(chip(link)));
        boolean usesSome = !used.isEmpty();
        if (used.size() < SHOWN) {
            Set<String> shown = new LinkedHashSet<>(used.stream().map(Link::slug).toList());
            recipes.gallery(null, null, RecipeSort.MOST_USED, false, PageRequest.of(0, SHOWN)).stream()
                    .filter(r -> !shown.contains(r.slug())).limit(SHOWN - used.size())
                    .forEach(r -> list.add(chip(new Link(r.slug(), r.title(ja)))));
        }
        Paragraph which = new Paragraph(home.getTranslation(usesSome ? "home.quickRun.yours" : "home.quickRun.popular"));
        which.addClassName("quick-run-which");
        box.add(new H2(home.getTranslation("home.quickRun.title")), search, which, list,
                new RouterLink(home.getTranslation("home.quickRun.all"), RecipesView.class));
        return Optional.of(box);
    }

    private record Link(String slug, String title) {
    }

    /** The recipes of the person's latest runs, newest first, each once. */
    private List<Link> used(boolean ja) {
        List<Link> links = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (RecipeRun run : runs.mine(PageRequest.of(0, RUNS_LOOKED_AT))) {
            var row = run.row();
            if (!row.test() && seen.add(row.recipeSlug())) {
                links.add(new Link(row.recipeSlug(),
                        ja && row.recipeTitleJa() != null ? row.recipeTitleJa() : row.recipeTitleEn()));
            }
            if (links.size() == SHOWN) {
                break;
            }
        }
        return links;
    }

    private static RouterLink chip(Link link) {
        RouterLink chip = new RouterLink(RecipeView.class, new RouteParameters("slug", link.slug()));
        chip.add(VaadinIcon.PLAY_CIRCLE_O.create(), new Span(link.title()));
        chip.addClassName("quick-run-chip");
        chip.getElement().setAttribute("data-slug", link.slug());
        return chip;
    }
}
