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
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(run -> new RouterLink(
                        ja && run.row().recipeTitleJa() != null ? run.row().recipeTitleJa() : run.row().recipeTitleEn(),
                        RunView.class, new RouteParameters("id", run.row().id().toString())))
                .setHeader(getTranslation("recipes.myRuns.recipe")).setFlexGrow(3);
        grid.addColumn(run -> Formats.dateTime(run.row().requestedAt())).setHeader(getTranslation("recipes.myRuns.when"))
                .setFlexGrow(1);
        grid.addComponentColumn(run -> RecipeLabels.badge(RecipeLabels.status(this, run.row().status()),
                RecipeLabels.statusTheme(run.row().status()))).setHeader(getTranslation("recipes.myRuns.status")).setFlexGrow(1);
        grid.setItems(query -> runner.mine(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.setAllRowsVisible(false);
        grid.setHeight("70vh");
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recipes.myRuns") + " · " + getTranslation("app.name");
    }
}
