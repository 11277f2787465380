package engawa.portal.catalog.ui;

import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import engawa.db.catalog.CatalogServices;
import engawa.db.catalog.OpsLinkKind;
import engawa.portal.catalog.CatalogQuery;
import engawa.portal.catalog.CatalogService;
import engawa.portal.catalog.ServiceSummary;
import engawa.portal.catalog.SloState;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** The catalog's services as a grid, a page at a time from the database, for the query the filters make. */
final class CatalogGrid extends Grid<ServiceSummary> {

    CatalogGrid(CatalogService catalog, Supplier<CatalogQuery> current) {
        Grid<ServiceSummary> grid = this;
        grid.setId("catalog-grid");
        grid.addComponentColumn(this::nameCell).setHeader(getTranslation("catalog.column.service")).setFlexGrow(3)
                .setWidth("16rem");
        grid.addComponentColumn(s -> CatalogLabels.owner(s.owner())).setHeader(getTranslation("catalog.column.owner"))
                .setFlexGrow(1).setWidth("9rem");
        grid.addComponentColumn(s -> CatalogLabels.lifecycleBadge(this, s.lifecycle()))
                .setHeader(getTranslation("catalog.column.lifecycle")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(s -> CatalogLabels.tierBadge(this, s.tier())).setHeader(getTranslation("catalog.column.tier"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::opsCell).setHeader(getTranslation("catalog.column.opsLinks")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(s -> s.level() == null ? new Span() : CatalogLabels.levelBadge(this, s.level()))
                .setHeader(getTranslation("catalog.column.level")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::sloCell).setHeader(getTranslation("catalog.column.slo")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("catalog.empty"));
        grid.addItemClickListener(e -> e.getSource().getUI()
                .ifPresent(ui -> ui.navigate(ServiceView.class, ServiceView.parameters(e.getItem().name()))));
        grid.setItems(q -> current.get() == null ? Stream.empty()
                        : catalog.list(current.get(), CatalogServices.Sort.NAME, VaadinSpringDataHelpers.toSpringPageRequest(q))
                                .stream(),
                q -> current.get() == null ? 0 : (int) Math.min(Integer.MAX_VALUE, catalog.count(current.get())));
        grid.setHeight("32rem");
    }

    private Component nameCell(ServiceSummary s) {
        RouterLink title = CatalogLinks.service(s.name(), s.displayName());
        title.addClassName("service-title");
        Span name = new Span(s.name());
        name.addClassName("service-name");
        Div cell = new Div(title, name);
        if (s.description() != null) {
            Span description = new Span(s.description());
            description.addClassName("service-description");
            cell.add(description);
        }
        if (!s.tags().isEmpty()) {
            Div tags = new Div();
            tags.addClassName("service-tags");
            s.tags().forEach(t -> {
                Span chip = new Span(t);
                chip.getElement().getThemeList().add("badge contrast pill small");
                tags.add(chip);
            });
            cell.add(tags);
        }
        cell.addClassName("service-cell");
        return cell;
    }

    private Component opsCell(ServiceSummary s) {
        int total = OpsLinkKind.values().length;
        Span count = new Span(getTranslation("catalog.opsLinks.count", s.opsLinks().size(), total));
        count.getElement().getThemeList().add(s.opsLinks().size() == total ? "badge success" : "badge contrast");
        count.getElement().setAttribute("title", String.join(", ", s.opsLinks().stream()
                .map(k -> CatalogLabels.opsLink(this, k)).toList()));
        return count;
    }

    private Component sloCell(ServiceSummary s) {
        if (s.worstSloState() == null) {
            Span none = new Span(getTranslation("catalog.slo.none"));
            none.addClassName("missing-text");
            return none;
        }
        return SloStateBadge.of(this, SloState.valueOf(s.worstSloState()));
    }
}
