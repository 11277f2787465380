package engawa.portal.catalog.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import engawa.portal.people.ui.TeamComboBox;
import engawa.db.catalog.CatalogServices;
import engawa.db.catalog.Lifecycle;
import engawa.db.catalog.ScorecardLevel;
import engawa.db.catalog.ScorecardRule;
import engawa.portal.catalog.SloState;
import engawa.portal.catalog.CatalogExport;
import engawa.portal.catalog.CatalogFilter;
import engawa.portal.catalog.CatalogQuery;
import engawa.portal.catalog.CatalogService;
import engawa.portal.catalog.MyServices;
import engawa.portal.people.TeamService;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.ui.FormErrors;
import engawa.portal.shared.ui.GridHeights;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finding a service: search as you type, filters for owner, lifecycle, tier and tag, "My
 * services". Every choice is in the address, so a link shows the same list. The grid asks the
 * database for one page at a time.
 */
@Route("catalog")
@Menu(title = "nav.catalog", order = 10, icon = "vaadin:cluster")
@PermitAll
public class CatalogView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private final CatalogService catalog;
    private final TextField search = new TextField();
    private final TeamComboBox owner;
    private final Checkbox childTeams = new Checkbox();
    private final Checkbox mine = new Checkbox();
    private final Select<Lifecycle> lifecycle = new Select<>();
    private final Select<Integer> tier = new Select<>();
    private final ComboBox<String> tag = new ComboBox<>();
    private final Select<ScorecardLevel> level = new Select<>();
    private final Select<ScorecardRule> missing = new Select<>();
    private final Select<SloState> sloState = new Select<>();
    private final Paragraph summary = new Paragraph();
    private final CatalogGrid grid;
    private final Span systemChip = new Span();
    private Div filterBox;
    private Button filtersToggle;
    private String system;
    private CatalogServices.FacetCounts facets;
    private CatalogQuery query;
    private boolean reading;

    CatalogView(CatalogService catalog, MyServices myServices, TeamService teams, CatalogExport export) {
        this.catalog = catalog;
        this.owner = new TeamComboBox(teams, false);
        this.grid = new CatalogGrid(catalog, () -> query);
        addClassName("page");
        // every page has one h1: what screen reader users jump to first
        H1 heading = new H1(getTranslation("catalog.title"));
        heading.addClassName("page-heading");
        add(heading);
        addClassName("catalog-view");

        Paragraph intro = new Paragraph(getTranslation("catalog.intro"));
        Button create = new Button(getTranslation("catalog.new"), VaadinIcon.PLUS.create(),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(NewServiceView.class)));
        create.setId("catalog-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button importFile = new Button(getTranslation("catalog.import"), VaadinIcon.UPLOAD.create(),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(CatalogImportView.class)));
        importFile.setId("catalog-import");
        Anchor download = exportLink(export, getTranslation("catalog.download"));
        HorizontalLayout actions = new HorizontalLayout(create);
        boolean engineer = myServices.worksOnServices();
        if (engineer) {
            // Backstage files are engineers' business; the import page is still there by its address
            actions.add(importFile, download);
        }
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.setWrap(true);
        HorizontalLayout toolbar = new HorizontalLayout(intro, actions);
        toolbar.addClassName("toolbar");
        toolbar.setWrap(true);
        add(toolbar, filters(engineer), summary, grid);
        summary.setId("catalog-summary");
        summary.addClassName("catalog-summary");
    }

    /** The whole catalog as Backstage files, written while it downloads rather than held in memory. */
    private static Anchor exportLink(CatalogExport export, String text) {
        Anchor link = new Anchor((DownloadHandler) event -> {
            event.setFileName("catalog-info.yaml");
            event.setContentType("application/yaml; charset=utf-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                export.write(out);
            }
        }, "");
        link.add(VaadinIcon.DOWNLOAD.create(), new Span(text));
        link.setId("catalog-download");
        link.addClassName("download-link");
        return link;
    }

    private Component filters(boolean engineer) {
        search.setId("catalog-search");
        search.setPlaceholder(getTranslation("catalog.search.placeholder"));
        search.setAriaLabel(getTranslation("catalog.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(200);
        search.addClassName("catalog-search");

        owner.setId("catalog-owner");
        owner.setLabel(getTranslation("catalog.filter.owner"));
        owner.setPlaceholder(getTranslation("catalog.filter.anyTeam"));
        childTeams.setId("catalog-child-teams");
        childTeams.setLabel(getTranslation("catalog.filter.childTeams"));
        mine.setId("catalog-mine");
        mine.setLabel(getTranslation("catalog.filter.mine"));

        lifecycle.setId("catalog-lifecycle");
        lifecycle.setLabel(getTranslation("catalog.filter.lifecycle"));
        lifecycle.setItems(Lifecycle.values());
        lifecycle.setEmptySelectionAllowed(true);
        lifecycle.setEmptySelectionCaption(getTranslation("catalog.filter.any"));
        lifecycle.setItemLabelGenerator(l -> l == null ? getTranslation("catalog.filter.any")
                : withCount(CatalogLabels.lifecycle(this, l), facets == null ? null : facets.lifecycles().get(l)));

        tier.setId("catalog-tier");
        tier.setLabel(getTranslation("catalog.filter.tier"));
        tier.setItems(1, 2, 3, 4);
        tier.setEmptySelectionAllowed(true);
        tier.setEmptySelectionCaption(getTranslation("catalog.filter.any"));
        tier.setItemLabelGenerator(t -> t == null ? getTranslation("catalog.filter.any")
                : withCount(CatalogLabels.tierShort(this, t), facets == null ? null : facets.tiers().get(t)));

        tag.setId("catalog-tag");
        tag.setLabel(getTranslation("catalog.filter.tag"));
        tag.setPlaceholder(getTranslation("catalog.filter.anyTag"));
        tag.setClearButtonVisible(true);
        tag.setItems(filter -> catalog.tags(filter.getFilter().orElse(""), filter.getOffset() + filter.getLimit()).stream()
                .skip(filter.getOffset()));

        level.setId("catalog-level");
        level.setLabel(getTranslation("catalog.filter.level"));
        level.setItems(ScorecardLevel.GOLD, ScorecardLevel.SILVER, ScorecardLevel.BRONZE, ScorecardLevel.NONE);
        level.setEmptySelectionAllowed(true);
        level.setEmptySelectionCaption(getTranslation("catalog.filter.any"));
        level.setItemLabelGenerator(l -> l == null ? getTranslation("catalog.filter.any") : CatalogLabels.level(this, l));
        missing.setId("catalog-missing");
        missing.setLabel(getTranslation("catalog.filter.missing"));
        missing.setItems(ScorecardRule.values());
        missing.setEmptySelectionAllowed(true);
        missing.setEmptySelectionCaption(getTranslation("catalog.filter.nothing"));
        missing.setItemLabelGenerator(r -> r == null ? getTranslation("catalog.filter.nothing")
                : getTranslation("catalog.filter.without." + r.textKey()));
        sloState.setId("catalog-slo-state");
        sloState.setLabel(getTranslation("catalog.filter.sloState"));
        sloState.setItems(SloState.SPENT, SloState.BURNING_FAST, SloState.AT_RISK, SloState.HEALTHY, SloState.NO_DATA);
        sloState.setEmptySelectionAllowed(true);
        sloState.setEmptySelectionCaption(getTranslation("catalog.filter.any"));
        sloState.setItemLabelGenerator(st -> st == null ? getTranslation("catalog.filter.any") : SloStateBadge.words(this, st));
        level.addValueChangeListener(e -> changed());
        missing.addValueChangeListener(e -> changed());
        sloState.addValueChangeListener(e -> changed());

        search.addValueChangeListener(e -> changed());
        owner.addValueChangeListener(e -> changed());
        childTeams.addValueChangeListener(e -> changed());
        mine.addValueChangeListener(e -> changed());
        lifecycle.addValueChangeListener(e -> changed());
        tier.addValueChangeListener(e -> changed());
        tag.addValueChangeListener(e -> changed());

        systemChip.setId("catalog-system");
        systemChip.getElement().getThemeList().add("badge pill");
        systemChip.setVisible(false);
        HorizontalLayout row = new HorizontalLayout(owner, childTeams, lifecycle, tier, tag, level, missing, sloState, mine,
                systemChip);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        row.addClassName("catalog-filters");
        row.setId("catalog-filters");
        Div box = new Div(search);
        // on a phone the filters fold behind one button, so that the first screen shows services
        Button toggle = new Button(getTranslation("catalog.filters"), VaadinIcon.FILTER.create());
        toggle.setId("catalog-filters-toggle");
        toggle.addClassName("filters-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        toggle.getElement().setAttribute("aria-controls", "catalog-filters");
        toggle.getElement().setAttribute("aria-expanded", "false");
        toggle.addClickListener(e -> openFilters(!box.hasClassName("filters-open")));
        filtersToggle = toggle;
        box.add(toggle, row);
        box.addClassName("catalog-filter-box");
        // people who do not work on services search by name; the engineers' filters wait behind the button
        box.setClassName("filters-folded", !engineer);
        filterBox = box;
        return box;
    }

    private void openFilters(boolean open) {
        filterBox.setClassName("filters-open", open);
        filtersToggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
    }

    private String withCount(String label, Long count) {
        return count == null ? label : label + " (" + count + ")";
    }

    /** A filter changed: list again, update the counts, put the choice in the address. */
    private void changed() {
        if (reading) {
            return;
        }
        childTeams.setVisible(owner.getValue() != null);
        refresh();
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("catalog", QueryParameters.simple(parameters()))));
    }

    private Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "q", search.getValue());
        put(p, "owner", owner.getValue());
        if (owner.getValue() != null && childTeams.getValue()) {
            p.put("children", "true");
        }
        put(p, "lifecycle", lifecycle.getValue() == null ? null : lifecycle.getValue().id());
        put(p, "tier", tier.getValue() == null ? null : tier.getValue().toString());
        put(p, "tag", tag.getValue());
        put(p, "system", system);
        put(p, "level", level.getValue() == null ? null : level.getValue().key());
        put(p, "missing", missing.getValue() == null ? null : missing.getValue().key);
        put(p, "slo", sloState.getValue() == null ? null : sloState.getValue().key());
        if (mine.getValue()) {
            p.put("mine", "true");
        }
        return p;
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null && !value.isBlank()) {
            p.put(key, value.strip());
        }
    }

    private void refresh() {
        CatalogFilter filter = new CatalogFilter(owner.getValue(), childTeams.getValue(), mine.getValue(),
                lifecycle.getValue(), tier.getValue(), tag.getValue(), system, missing.getValue(), level.getValue(),
                sloState.getValue() == null ? null : sloState.getValue().name());
        try {
            query = catalog.query(search.getValue(), filter);
            // the counts leave out the lifecycle and tier filters themselves, so one query serves both
            facets = catalog.facets(query);
        } catch (UserFacingException error) {
            query = null;
            FormErrors.notifyError(error.messageIn(getLocale()));
        }
        // the labels carry the counts; refreshing them would drop the choice, so it is put back
        Lifecycle chosenLifecycle = lifecycle.getValue();
        Integer chosenTier = tier.getValue();
        boolean wasReading = reading;
        reading = true;
        try {
            lifecycle.getDataProvider().refreshAll();
            tier.getDataProvider().refreshAll();
            lifecycle.setValue(chosenLifecycle);
            tier.setValue(chosenTier);
        } finally {
            reading = wasReading;
        }
        grid.getDataProvider().refreshAll();
        grid.scrollToStart();
        describe();
    }

    private void describe() {
        summary.removeAll();
        if (query == null) {
            return;
        }
        long count = catalog.count(query);
        GridHeights.fit(grid, count);
        if (query.bySimilarNames()) {
            summary.add(new Text(getTranslation("catalog.summary.similar", search.getValue().strip())));
        } else if (query.correctedText() != null) {
            summary.add(new Text(getTranslation("catalog.summary.corrected", count, search.getValue().strip(),
                    query.correctedText())));
        } else if (query.isSearch()) {
            summary.add(new Text(getTranslation("catalog.summary.matches", count, search.getValue().strip())));
        } else {
            summary.add(new Text(getTranslation("catalog.summary.all", count)));
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> p = event.getLocation().getQueryParameters().getParameters();
        reading = true;
        try {
            search.setValue(first(p, "q").orElse(""));
            first(p, "owner").ifPresent(owner::select);
            system = first(p, "system").orElse(null);
            showSystem();
            childTeams.setValue(first(p, "children").map("true"::equals).orElse(false));
            childTeams.setVisible(owner.getValue() != null);
            mine.setValue(first(p, "mine").map("true"::equals).orElse(false));
            lifecycle.setValue(first(p, "lifecycle").flatMap(Lifecycle::parse).orElse(null));
            tier.setValue(first(p, "tier").flatMap(CatalogView::tier).orElse(null));
            tag.setValue(first(p, "tag").orElse(null));
            level.setValue(first(p, "level").flatMap(ScorecardLevel::byKey).orElse(null));
            missing.setValue(first(p, "missing").flatMap(ScorecardRule::byKey).orElse(null));
            sloState.setValue(first(p, "slo").flatMap(SloState::byKey).orElse(null));
        } finally {
            reading = false;
        }
        // a link that chose filters (a team's services, an SLO state) shows them
        openFilters(p.keySet().stream().anyMatch(k -> !k.equals("q")));
        refresh();
    }

    /** A system chosen on a service page: shown as a chip that removes it. */
    private void showSystem() {
        systemChip.removeAll();
        systemChip.setVisible(system != null);
        if (system != null) {
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                system = null;
                showSystem();
                changed();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
            remove.setAriaLabel(getTranslation("catalog.filter.system.remove"));
            systemChip.add(new Span(getTranslation("catalog.filter.system", system)), remove);
        }
    }

    private static Optional<Integer> tier(String text) {
        return switch (text) {
            case "1", "2", "3", "4" -> Optional.of(Integer.parseInt(text));
            default -> Optional.empty();
        };
    }

    private static Optional<String> first(Map<String, List<String>> p, String key) {
        return Optional.ofNullable(p.get(key)).filter(v -> !v.isEmpty()).map(List::getFirst).filter(v -> !v.isBlank());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("catalog.title") + " · " + getTranslation("app.name");
    }
}
