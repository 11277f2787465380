package engawa.portal.slo.ui;

import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.router.Menu;
import engawa.portal.shared.ui.MenuGroup;
import engawa.portal.shared.ui.GridHeights;
import engawa.portal.shared.ui.ListRow;
import engawa.portal.shared.ui.PhoneColumns;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import engawa.db.slo.SloListFilter;
import engawa.db.slo.SloRow;
import engawa.portal.people.ui.TeamComboBox;
import engawa.portal.people.TeamService;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.ui.FormErrors;
import engawa.portal.slo.SloRules;
import engawa.portal.slo.SloService;
import engawa.portal.catalog.SloState;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every SLO of the company, worst first, by team and state: the page someone opens to see what is
 * on fire. Reads each SLO's last evaluation (kept current in the background), so it stays fast
 * with thousands; the grid asks for a page at a time.
 */
@Route("slos")
@Menu(title = "nav.slos", order = 10, icon = "vaadin:dashboard")
@MenuGroup(MenuGroup.Group.ENGINEERS)
@PermitAll
public class SloOverviewView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private final SloService slos;
    private final TeamComboBox team;
    private final Select<SloState> state = new Select<>();
    private final Grid<SloRow> grid = new Grid<>();
    private final Div counts = new Div();
    private SloListFilter filter = SloListFilter.ALL;
    private boolean reading;

    SloOverviewView(SloService slos, TeamService teams) {
        this.slos = slos;
        this.team = new TeamComboBox(teams, false);
        addClassName("page");
        addClassName("slo-overview");
        add(new H1(getTranslation("slo.overview.title")), new Paragraph(getTranslation("slo.overview.intro")));

        team.setId("slo-team");
        team.setLabel(getTranslation("slo.overview.team"));
        team.setPlaceholder(getTranslation("catalog.filter.anyTeam"));
        state.setId("slo-state");
        state.setLabel(getTranslation("slo.overview.state"));
        state.setItems(SloState.SPENT, SloState.BURNING_FAST, SloState.AT_RISK, SloState.HEALTHY, SloState.NO_DATA);
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(getTranslation("catalog.filter.any"));
        state.setItemLabelGenerator(s -> s == null ? getTranslation("catalog.filter.any") : SloWords.state(this, s));
        team.addValueChangeListener(e -> changed());
        state.addValueChangeListener(e -> changed());
        HorizontalLayout filters = new HorizontalLayout(team, state);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        counts.setId("slo-counts");
        counts.addClassName("slo-counts");
        add(filters, counts, grid());
    }

    private Component grid() {
        grid.setId("slo-grid");
        var titleColumn = grid.addComponentColumn(this::titleCell).setHeader(getTranslation("slo.overview.column.slo")).setFlexGrow(3);
        var serviceColumn = grid.addComponentColumn(this::serviceLink).setHeader(getTranslation("slo.overview.column.service")).setFlexGrow(2);
        var teamColumn = grid.addColumn(SloOverviewView::owner).setHeader(getTranslation("slo.overview.column.team")).setFlexGrow(1);
        var stateColumn = grid.addComponentColumn(r -> SloWords.stateBadge(this, SloState.valueOf(r.state())))
                .setHeader(getTranslation("slo.overview.column.state")).setAutoWidth(true).setFlexGrow(0);
        var budgetColumn = grid.addColumn(r -> budget(r.budgetRemaining())).setHeader(getTranslation("slo.overview.column.budget"))
                .setAutoWidth(true).setFlexGrow(0);
        var objectiveColumn = grid.addColumn(this::objective).setHeader(getTranslation("slo.overview.column.objective"))
                .setAutoWidth(true).setFlexGrow(0);
        // a phone shows each SLO as lines: what, how it stands, whose, the budget left
        var onPhones = grid.addComponentColumn(this::phoneCell).setHeader(getTranslation("slo.overview.column.slo"));
        PhoneColumns.use(grid, onPhones, titleColumn, serviceColumn, teamColumn, stateColumn, budgetColumn, objectiveColumn);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("slo.overview.empty"));
        grid.setItems(q -> slos.list(filter, VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, slos.count(filter)));
        return grid;
    }

    private Component titleCell(SloRow r) {
        String title = r.values().displayName() != null ? r.values().displayName() : r.values().name();
        RouterLink link = new RouterLink(title, SloView.class, new RouteParameters("id", String.valueOf(r.id())));
        Span means = new Span(r.values().goodMeans());
        means.addClassName("service-description");
        Div cell = new Div(link, means);
        cell.addClassName("service-cell");
        return cell;
    }

    private Anchor serviceLink(SloRow r) {
        return new Anchor("services/" + r.serviceName(), r.serviceTitle() != null ? r.serviceTitle() : r.serviceName());
    }

    private static String owner(SloRow r) {
        return r.teamName() != null ? r.teamName() : r.ownerUsername();
    }

    private String objective(SloRow r) {
        return SloWords.percent(SloRules.percent(r.values().objective()), 6) + " · " + SloWords.window(this, r.values());
    }

    private Component phoneCell(SloRow r) {
        Div standing = ListRow.facts(SloWords.stateBadge(this, SloState.valueOf(r.state())),
                ListRow.fact(getTranslation("slo.overview.column.budget"), budget(r.budgetRemaining())),
                ListRow.fact(getTranslation("slo.overview.column.objective"), objective(r)));
        Span whose = new Span(serviceLink(r), new Span(" · " + owner(r)));
        whose.addClassName("hint");
        Div cell = new Div(titleCell(r), standing, whose);
        cell.addClassName("list-row-details");
        return cell;
    }

    private static String budget(BigDecimal share) {
        return share == null ? "–" : SloWords.percent(share.movePointRight(2), 1);
    }

    private void changed() {
        if (reading) {
            return;
        }
        refresh();
        Map<String, String> p = new LinkedHashMap<>();
        if (team.getValue() != null) {
            p.put("team", team.getValue());
        }
        if (state.getValue() != null) {
            p.put("state", state.getValue().key());
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location("slos", QueryParameters.simple(p))));
    }

    private void refresh() {
        try {
            filter = slos.filter(team.getValue(), state.getValue());
        } catch (UserFacingException e) {
            FormErrors.notifyError(e.messageIn(com.vaadin.flow.component.UI.getCurrent().getLocale()));
            filter = SloListFilter.ALL;
        }
        counts.removeAll();
        Map<String, Long> byState = slos.stateCounts(filter);
        for (SloState s : List.of(SloState.SPENT, SloState.BURNING_FAST, SloState.AT_RISK, SloState.HEALTHY, SloState.NO_DATA)) {
            long n = byState.getOrDefault(s.name(), 0L);
            Span chip = SloWords.stateBadge(this, s);
            chip.setText(SloWords.state(this, s) + " " + n);
            chip.getElement().setAttribute("data-count", String.valueOf(n));
            counts.add(chip);
        }
        GridHeights.fit(grid, byState.values().stream().mapToLong(Long::longValue).sum());
        grid.getDataProvider().refreshAll();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> p = event.getLocation().getQueryParameters().getParameters();
        reading = true;
        try {
            String t = p.getOrDefault("team", List.of()).stream().findFirst().orElse(null);
            if (t != null && !t.isBlank()) {
                team.select(t);
            }
            state.setValue(p.getOrDefault("state", List.of()).stream().findFirst().flatMap(SloState::byKey).orElse(null));
        } finally {
            reading = false;
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("slo.overview.title") + " · " + getTranslation("app.name");
    }
}
