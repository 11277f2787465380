package engawa.portal.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import engawa.portal.catalog.CatalogEntry;
import engawa.portal.catalog.CatalogService;
import engawa.portal.catalog.ChangeEntry;
import engawa.portal.catalog.FieldChange;
import engawa.portal.people.ApiTokenService;
import engawa.portal.shared.SystemAuthentication;
import engawa.portal.shared.ui.Formats;
import engawa.portal.shared.ui.PhoneColumns;
import java.util.Map;

/** A service's history: who changed what, from what to what, newest first, a page at a time. */
final class ServiceHistory extends Div {

    ServiceHistory(CatalogService catalog, CatalogEntry entry) {
        Grid<ChangeEntry> grid = new Grid<>();
        grid.setId("service-history");
        var when = grid.addColumn(c -> Formats.dateTime(c.at())).setHeader(getTranslation("service.history.when"))
                .setAutoWidth(true).setFlexGrow(0);
        var who = grid.addColumn(this::who).setHeader(getTranslation("service.history.who")).setAutoWidth(true).setFlexGrow(0);
        var what = grid.addComponentColumn(this::changeCell).setHeader(getTranslation("service.history.what")).setFlexGrow(1);
        // a phone: when and who on one line, what changed under it, across the whole width
        var onPhones = grid.addComponentColumn(c -> {
            Span whenAndWho = new Span(Formats.dateTime(c.at()) + " · " + who(c));
            whenAndWho.addClassName("hint");
            return new Div(whenAndWho, changeCell(c));
        }).setHeader(getTranslation("service.history.what"));
        PhoneColumns.use(grid, onPhones, when, who, what);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(q -> catalog.history(entry.name(), VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(),
                q -> (int) catalog.historySize(entry.name()));
        grid.setAllRowsVisible(true);
        grid.setPageSize(20);
        H2 heading = new H2(getTranslation("service.history.title"));
        heading.addClassName("section-title");
        add(heading, grid);
    }

    /** A person's name; Engawa's own work and the admin token in words rather than as "#system". */
    private String who(ChangeEntry change) {
        if (change.actorName() != null) {
            return change.actorName();
        }
        return switch (change.actor()) {
            case SystemAuthentication.NAME -> getTranslation("service.history.who.system");
            case ApiTokenService.ADMIN_TOKEN_PRINCIPAL -> getTranslation("service.history.who.adminToken");
            default -> change.who();
        };
    }

    private Component changeCell(ChangeEntry change) {
        Div cell = new Div();
        cell.addClassName("change-cell");
        Span action = new Span(getTranslation(change.version() == 1 && "IMPORTED".equals(change.action())
                ? "service.history.action.IMPORTED_NEW" : "service.history.action." + change.action()));
        action.addClassName("change-action");
        cell.add(action);
        // the first version is the whole entry: its fields are on the page already
        if (change.version() > 1) {
            cell.add(ChangeList.of(this, change.changes()));
        }
        return cell;
    }

    /** Which fields changed, from what to what, as a short list. */
    static final class ChangeList {

        private ChangeList() {
        }

        static Component of(Component on, Map<String, FieldChange> changes) {
            UnorderedList list = new UnorderedList();
            list.addClassName("change-list");
            changes.forEach((field, change) -> {
                Span name = new Span(CatalogLabels.field(on, field));
                name.addClassName("change-field");
                ListItem item = new ListItem(name, value(on, change.from(), "change-from"), new Span(" → "),
                        value(on, change.to(), "change-to"));
                list.add(item);
            });
            return list;
        }

        private static Span value(Component on, String text, String className) {
            Span value = new Span(text.isEmpty() ? on.getTranslation("service.history.empty") : shorten(text));
            value.addClassName(className);
            if (text.length() > 120) {
                value.getElement().setAttribute("title", text);
            }
            return value;
        }

        private static String shorten(String text) {
            return text.length() <= 120 ? text : text.substring(0, 117) + "…";
        }
    }
}
