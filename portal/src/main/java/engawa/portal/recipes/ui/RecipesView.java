package engawa.portal.recipes.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import engawa.db.recipes.RecipeSort;
import engawa.db.recipes.Recipes;
import engawa.portal.recipes.Recipe;
import engawa.portal.recipes.RecipeService;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import java.util.Map;

/**
 * The gallery: recipes in plain words, found by any part of a word in English or Japanese,
 * by category, most used or newest first. The search and filters live in the address, so a
 * search can be shared. Cards load a page at a time.
 */
@Route("recipes")
@Menu(title = "nav.recipes", order = 30, icon = "vaadin:magic")
@PermitAll
public class RecipesView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    static final int PAGE = 24;

    private final RecipeService recipes;
    private final Clock clock;
    private final TextField search = new TextField();
    private final Div categories = new Div();
    private final Div sortButtons = new Div();
    /** most-used, new or mine */
    private String order = "most-used";
    private final Div cards = new Div();
    private final Span summary = new Span();
    private final Button more;
    private String category;
    private int shown;
    private boolean navigating;

    RecipesView(RecipeService recipes, Clock clock) {
        this.recipes = recipes;
        this.clock = clock;
        addClassName("page");
        addClassName("recipes-view");
        H1 title = new H1(getTranslation("recipes.title"));
        Button create = new Button(getTranslation("recipes.new"), VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(RecipeEditView.class, new RouteParameters("slug", RecipeEditView.NEW))));
        create.setId("recipe-new");
        HorizontalLayout header = new HorizontalLayout(title, create);
        header.addClassName("page-header");
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        add(header, new Paragraph(getTranslation("recipes.intro")));

        search.setId("recipe-search");
        search.setPlaceholder(getTranslation("recipes.search.placeholder"));
        search.setAriaLabel(getTranslation("recipes.search.label"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("min(32rem, 100%)");
        search.addValueChangeListener(e -> changed());
        sortButtons.addClassName("recipe-sort");
        sortButtons.getElement().setAttribute("role", "group");
        sortButtons.getElement().setAttribute("aria-label", getTranslation("recipes.order"));
        categories.addClassName("recipe-categories");
        categories.getElement().setAttribute("role", "group");
        categories.getElement().setAttribute("aria-label", getTranslation("recipes.categories"));
        add(search, sortButtons, categories);

        summary.addClassName("hint");
        summary.setId("recipes-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        cards.addClassName("recipe-cards");
        cards.setId("recipe-cards");
        more = new Button(getTranslation("recipes.more"), e -> loadMore());
        more.setId("recipes-more");
        add(summary, cards, more);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        navigating = true;
        search.setValue(first(query, "q"));
        category = first(query, "category").isBlank() ? null : first(query, "category");
        String sort = first(query, "sort");
        order = sort.equals("new") || sort.equals("mine") ? sort : "most-used";
        navigating = false;
        refresh();
    }

    private static String first(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }

    private void changed() {
        if (navigating) {
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (!search.getValue().isBlank()) {
            params.put("q", search.getValue().strip());
        }
        if (category != null) {
            params.put("category", category);
        }
        if (!order.equals("most-used")) {
            params.put("sort", order);
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new com.vaadin.flow.router.Location("recipes", QueryParameters.simple(params))));
        refresh();
    }

    private void refresh() {
        sortButtons.removeAll();
        sortButtons.add(orderButton("recipes.sort.mostUsed", "most-used"), orderButton("recipes.sort.new", "new"),
                orderButton("recipes.mine", "mine"));
        categories.removeAll();
        Button all = categoryButton(getTranslation("recipes.category.all"), null);
        categories.add(all);
        for (Recipes.CategoryCount count : recipes.categories()) {
            categories.add(categoryButton(RecipeLabels.category(this, count.category()) + " (" + count.recipes() + ")",
                    count.category()));
        }
        cards.removeAll();
        shown = 0;
        long total = recipes.count(search.getValue(), category, isMine());
        if (total == 0) {
            summary.setText(search.getValue().isBlank() && !isMine() ? getTranslation("recipes.none")
                    : isMine() ? getTranslation("recipes.mine.none") : getTranslation("recipes.search.none", search.getValue()));
        } else {
            summary.setText(getTranslation("recipes.count", total));
        }
        loadMore();
    }

    private Button orderButton(String key, String value) {
        Button button = new Button(getTranslation(key), e -> {
            order = value;
            changed();
        });
        button.setId("recipes-order-" + value);
        boolean selected = order.equals(value);
        button.addThemeVariants(selected ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
        button.getElement().setAttribute("aria-pressed", String.valueOf(selected));
        return button;
    }

    private Button categoryButton(String text, String value) {
        Button button = new Button(text, e -> {
            category = value;
            changed();
        });
        boolean selected = java.util.Objects.equals(category, value);
        button.addThemeVariants(selected ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_SMALL);
        button.getElement().setAttribute("aria-pressed", String.valueOf(selected));
        return button;
    }

    private boolean isMine() {
        return order.equals("mine");
    }

    private void loadMore() {
        RecipeSort sort = order.equals("new") ? RecipeSort.NEWEST : RecipeSort.MOST_USED;
        Slice<Recipe> page = recipes.gallery(search.getValue(), category, sort, isMine(), PageRequest.of(shown / PAGE, PAGE));
        page.forEach(r -> cards.add(card(r)));
        shown += page.getNumberOfElements();
        more.setVisible(page.hasNext());
    }

    private RouterLink card(Recipe recipe) {
        boolean ja = RecipeLabels.japanese(this);
        RouterLink link = new RouterLink(RecipeView.class, new RouteParameters("slug", recipe.slug()));
        link.addClassName("recipe-card");
        H2 title = new H2(recipe.title(ja));
        title.addClassName("recipe-card-title");
        Paragraph text = new Paragraph(recipe.summary(ja));
        Div facts = new Div();
        facts.addClassName("recipe-card-facts");
        if (recipe.minutesSaved() > 0) {
            facts.add(RecipeLabels.badge(getTranslation("recipes.saves", Minutes.format(this, recipe.minutesSaved())),
                    "success"));
        }
        facts.add(new Span(recipe.runCount() == 0 ? getTranslation("recipes.usedNever")
                : getTranslation("recipes.used", recipe.runCount())));
        RecipeLabels.addStateBadges(this, facts, recipe, clock.instant());
        Span category = new Span(RecipeLabels.category(this, recipe.category()));
        category.addClassName("recipe-card-category");
        link.add(category, title, text, facts);
        if (recipe.broken()) {
            // the badge alone says nothing about what to expect
            Paragraph broken = new Paragraph(getTranslation("recipes.brokenExplained", recipe.failuresInARow()));
            broken.addClassName("recipe-card-broken");
            link.add(broken);
        }
        return link;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recipes.title") + " · " + getTranslation("app.name");
    }
}
