package engawa.portal.catalog.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import engawa.db.catalog.CatalogServices;
import engawa.db.catalog.OpsLinkKind;
import engawa.portal.catalog.CatalogQuery;
import engawa.portal.catalog.CatalogService;
import engawa.portal.catalog.ServiceSummary;
import engawa.portal.catalog.SloState;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The catalog's services as a grid, a page at a time from the database, for the query the filters make.
 *
 * <p>Cells are Lit templates filled with each row's words, not server-side components (see
 * {@link CatalogCells}): a page of rows travels as data, a tenth of the bytes.
 */
final class CatalogGrid extends Grid<ServiceSummary> {

    CatalogGrid(CatalogService catalog, Supplier<CatalogQuery> current) {
        Grid<ServiceSummary> grid = this;
        grid.setId("catalog-grid");
        grid.addColumn(nameCell()).setHeader(getTranslation("catalog.column.service")).setFlexGrow(3).setWidth("16rem");
        grid.addColumn(CatalogCells.owner(this)).setHeader(getTranslation("catalog.column.owner")).setFlexGrow(1).setWidth("9rem");
        grid.addColumn(CatalogCells.lifecycle(this))
                .setHeader(getTranslation("catalog.column.lifecycle")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CatalogCells.tier(this))
                .setHeader(getTranslation("catalog.column.tier")).setAutoWidth(true).setFlexGrow(0);
        int kinds = OpsLinkKind.values().length;
        grid.addColumn(LitRenderer.<ServiceSummary>of("<span theme=\"${item.theme}\" title=\"${item.title}\">${item.words}</span>")
                        .withProperty("words", s -> getTranslation("catalog.opsLinks.count", s.opsLinks().size(), kinds))
                        .withProperty("title", s -> String.join(", ", s.opsLinks().stream()
                                .map(k -> CatalogLabels.opsLink(this, k)).toList()))
                        .withProperty("theme", s -> s.opsLinks().size() == kinds ? "badge success" : "badge contrast"))
                .setHeader(getTranslation("catalog.column.opsLinks")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LitRenderer.<ServiceSummary>of("""
                        ${item.key ? html`<span class="level-badge level-${item.key}" data-level="${item.key}"
                            theme="${item.theme}">${item.words}</span>` : ''}""")
                        .withProperty("key", s -> s.level() == null ? "" : s.level().key())
                        .withProperty("words", s -> s.level() == null ? "" : CatalogLabels.level(this, s.level()))
                        .withProperty("theme", s -> s.level() == null ? "" : CatalogLabels.levelTheme(s.level())))
                .setHeader(getTranslation("catalog.column.level")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LitRenderer.<ServiceSummary>of("""
                        ${item.key ? html`<span class="slo-state" data-state="${item.key}" theme="${item.theme}">${item.words}</span>`
                            : html`<span class="missing-text">${item.words}</span>`}""")
                        .withProperty("key", s -> state(s) == null ? "" : state(s).key())
                        .withProperty("words", s -> state(s) == null ? getTranslation("catalog.slo.none")
                                : SloStateBadge.words(this, state(s)))
                        .withProperty("theme", s -> state(s) == null ? "" : SloStateBadge.theme(state(s))))
                .setHeader(getTranslation("catalog.column.slo")).setAutoWidth(true).setFlexGrow(0);
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

    /**
     * Title linking to the service's page (the portal's own navigation: {@code router-link}; the
     * address as {@link ServiceView}'s route template writes it, without asking the route registry
     * for every row), name, description, tags.
     */
    private LitRenderer<ServiceSummary> nameCell() {
        return LitRenderer.<ServiceSummary>of("""
                        <div class="service-cell">
                          <a class="service-title" href="${item.url}" router-link>${item.title}</a>
                          <span class="service-name">${item.name}</span>
                          ${item.description ? html`<span class="service-description">${item.description}</span>` : ''}
                          ${item.tags.length ? html`<div class="service-tags">${item.tags.map(tag =>
                              html`<span theme="badge contrast pill small">${tag}</span>`)}</div>` : ''}
                        </div>""")
                .withProperty("url", CatalogCells::serviceUrl)
                .withProperty("title", ServiceSummary::displayName)
                .withProperty("name", ServiceSummary::name)
                .withProperty("description", s -> s.description() == null ? "" : s.description())
                .withProperty("tags", ServiceSummary::tags);
    }

    private static SloState state(ServiceSummary s) {
        return s.worstSloState() == null ? null : SloState.valueOf(s.worstSloState());
    }
}
