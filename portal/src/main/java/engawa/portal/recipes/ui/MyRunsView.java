package engawa.portal.recipes.ui;

import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import engawa.portal.recipes.RecipeRun;
import engawa.portal.recipes.RecipeRunner;
import engawa.portal.shared.ui.Formats;
import jakarta.annotation.security.PermitAll;

/** Everything the person ran, newest first, paged at the database. */
@Route("runs")
@Menu(title = "nav.myRuns", order = 40, icon = "vaadin:time-forward")
@PermitAll
public class MyRunsView extends Div implements HasDynamicTitle {

    /** Up to this many runs, the list is as long as its rows; beyond, it scrolls in its own box. */
    private static final int ROWS_SHOWN_WHOLE = 12;

    MyRunsView(RecipeRunner runner) {
        addClassName("page");
        add(new H1(getTranslation("recipes.myRuns")));
        long total = runner.countMine();
        if (total == 0) {
            add(new Paragraph(getTranslation("recipes.myRuns.none")));
            return;
        }
        boolean ja = RecipeLabels.japanese(this);
        Grid<RecipeRun> grid = new Grid<>();
        grid.setId("my-runs");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // one column that reads like a list: what, the result, when, and why it did not work, so
        // nothing is cut off on a phone
        grid.addComponentColumn(run -> row(run, ja)).setHeader(getTranslation("recipes.myRuns.recipe"));
        grid.setItems(query -> runner.mine(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        if (total <= ROWS_SHOWN_WHOLE) {
            grid.setAllRowsVisible(true);
        } else {
            // down to the screen's bottom edge (the header and the heading take about 11rem),
            // so a phone shows no empty band under the scrolling list
            grid.setHeight("max(20rem, calc(100vh - 11rem))");
        }
        add(grid);
    }

    private Div row(RecipeRun run, boolean ja) {
        var row = run.row();
        RouterLink title = new RouterLink(ja && row.recipeTitleJa() != null ? row.recipeTitleJa() : row.recipeTitleEn(),
                RunView.class, new RouteParameters("id", row.id().toString()));
        title.addClassName("my-run-title");
        Div first = new Div(title, RecipeLabels.badge(RecipeLabels.status(this, row.status()),
                RecipeLabels.statusTheme(row.status())));
        first.addClassName("my-run-line");
        Span when = new Span(Formats.dateTime(row.requestedAt()));
        when.addClassName("hint");
        Div cell = new Div(first, when);
        cell.addClassName("my-run");
        RecipeLabels.whyItDidNotWork(this, row).ifPresent(why -> {
            Paragraph text = new Paragraph(why);
            text.addClassName("my-run-why");
            cell.add(text);
        });
        return cell;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recipes.myRuns") + " · " + getTranslation("app.name");
    }
}
