package engawa.portal.catalog.ui;

import engawa.portal.shared.ui.Card;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import engawa.portal.catalog.ImportReport;
import engawa.portal.catalog.backstage.ImportProblem;
import engawa.portal.catalog.backstage.SkippedDocument;
import engawa.portal.shared.ui.ListRowTemplate;
import engawa.portal.shared.ui.PhoneColumns;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import did or would do: numbers by kind, every problem with where it is and how to fix
 * it, what waits for later, Locations followed, documents left out, and the changes made.
 */
final class ImportReportView extends Div {

    ImportReportView(ImportReport result) {
        add(summary(result));
        if (result.files().size() > 1) {
            add(files(result));
        }
        if (result.problemCount() > 0) {
            add(problems(result));
        }
        if (!result.unresolved().isEmpty()) {
            add(unresolved(result));
        }
        if (!result.locations().isEmpty()) {
            add(locations(result));
        }
        if (!result.skipped().isEmpty()) {
            add(skipped(result));
        }
        if (!result.changes().isEmpty()) {
            add(changes(result));
        }
    }

    private Component summary(ImportReport result) {
        Div numbers = new Div(number("created", result.created()), number("updated", result.updated()),
                number("unchanged", result.unchanged()), number("problems", result.problemCount()));
        numbers.addClassName("import-numbers");
        Grid<ImportReport.KindCount> kinds = new Grid<>();
        kinds.setId("import-counts");
        var kind = kinds.addColumn(ImportReport.KindCount::kind).setHeader(getTranslation("import.column.kind"));
        var created = kinds.addColumn(ImportReport.KindCount::created).setHeader(getTranslation("import.number.created"));
        var updated = kinds.addColumn(ImportReport.KindCount::updated).setHeader(getTranslation("import.number.updated"));
        var unchanged = kinds.addColumn(ImportReport.KindCount::unchanged).setHeader(getTranslation("import.number.unchanged"));
        // a phone: "Component" and "1 new · 0 changed · 0 unchanged" under it
        var onPhones = kinds.addColumn(ListRowTemplate.<ImportReport.KindCount>of()
                .withProperty("title", ImportReport.KindCount::kind)
                .withProperty("text", k -> numbers(k.created(), k.updated(), k.unchanged(), 0, 0)))
                .setHeader(getTranslation("import.column.kind"));
        PhoneColumns.use(kinds, onPhones, kind, created, updated, unchanged);
        kinds.setItems(result.counts());
        kinds.setAllRowsVisible(true);
        kinds.addThemeVariants(GridVariant.LUMO_COMPACT);
        Paragraph note = new Paragraph(getTranslation(result.dryRun() ? "import.report.previewNote" : "import.report.doneNote",
                result.millis()));
        note.addClassName("hint");
        Card card = new Card(getTranslation(result.dryRun() ? "import.report.preview" : "import.report.done"),
                numbers, note, kinds);
        card.setId("import-summary");
        return card;
    }

    private Component number(String key, int value) {
        Span n = new Span(String.valueOf(value));
        n.addClassName("import-number-value");
        Span label = new Span(getTranslation("import.number." + key));
        Div box = new Div(n, label);
        box.addClassNames("import-number", key);
        box.setId("import-number-" + key);
        return box;
    }

    private Component problems(ImportReport result) {
        Grid<ImportProblem> grid = new Grid<>();
        grid.setId("import-problems");
        var where = grid.addColumn(p -> where(p.file(), p.documentIndex())).setHeader(getTranslation("import.column.where"))
                .setAutoWidth(true).setFlexGrow(0);
        var entity = grid.addColumn(p -> p.entityRef() == null ? "–" : p.entityRef())
                .setHeader(getTranslation("import.column.entity")).setAutoWidth(true).setFlexGrow(0);
        var reason = grid.addColumn(ImportProblem::reason).setHeader(getTranslation("import.column.reason")).setFlexGrow(1);
        var onPhones = grid.addColumn(ListRowTemplate.<ImportProblem>of()
                .withProperty("title", p -> p.entityRef() == null ? where(p.file(), p.documentIndex()) : p.entityRef())
                .withProperty("text", ImportProblem::reason)
                .withProperty("hint", p -> p.entityRef() == null ? "" : where(p.file(), p.documentIndex())))
                .setHeader(getTranslation("import.column.reason"));
        PhoneColumns.use(grid, onPhones, where, entity, reason);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(result.problems());
        fitRows(grid, result.problems().size());
        Paragraph text = new Paragraph(getTranslation("import.problems.text"));
        text.addClassName("hint");
        Card card = new Card(getTranslation("import.problems.title", result.problemCount()), text, grid);
        if (result.problemsLeftOut() > 0) {
            card.add(new Paragraph(getTranslation("import.leftOut", result.problemsLeftOut())));
        }
        return card;
    }

    private Component files(ImportReport result) {
        Grid<ImportReport.FileSummary> grid = new Grid<>();
        grid.setId("import-files");
        var file = grid.addColumn(ImportReport.FileSummary::file).setHeader(getTranslation("import.column.file"))
                .setAutoWidth(true).setFlexGrow(1);
        // the numbers as wide as their headers ("cannot be taken"), the file name takes the rest
        var created = grid.addColumn(ImportReport.FileSummary::created).setHeader(getTranslation("import.number.created"))
                .setAutoWidth(true).setFlexGrow(0);
        var updated = grid.addColumn(ImportReport.FileSummary::updated).setHeader(getTranslation("import.number.updated"))
                .setAutoWidth(true).setFlexGrow(0);
        var unchanged = grid.addColumn(ImportReport.FileSummary::unchanged).setHeader(getTranslation("import.number.unchanged"))
                .setAutoWidth(true).setFlexGrow(0);
        var problems = grid.addColumn(ImportReport.FileSummary::problems).setHeader(getTranslation("import.number.problems"))
                .setAutoWidth(true).setFlexGrow(0);
        var skipped = grid.addColumn(ImportReport.FileSummary::skipped).setHeader(getTranslation("import.number.skipped"))
                .setAutoWidth(true).setFlexGrow(0);
        var onPhones = grid.addColumn(ListRowTemplate.<ImportReport.FileSummary>of()
                .withProperty("title", ImportReport.FileSummary::file)
                .withProperty("text", f -> numbers(f.created(), f.updated(), f.unchanged(), f.problems(), f.skipped())))
                .setHeader(getTranslation("import.column.file"));
        PhoneColumns.use(grid, onPhones, file, created, updated, unchanged, problems, skipped);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(result.files());
        fitRows(grid, result.files().size());
        return new Card(getTranslation("import.files.title", result.files().size()), grid);
    }

    private Component unresolved(ImportReport result) {
        Grid<ImportReport.Unresolved> grid = new Grid<>();
        grid.setId("import-unresolved");
        var where = grid.addColumn(u -> where(u.file(), u.documentIndex())).setHeader(getTranslation("import.column.where"))
                .setAutoWidth(true).setFlexGrow(0);
        var entity = grid.addColumn(ImportReport.Unresolved::entityRef).setHeader(getTranslation("import.column.entity"))
                .setAutoWidth(true).setFlexGrow(0);
        var meaning = grid.addColumn(ImportReport.Unresolved::reason).setHeader(getTranslation("import.column.meaning"))
                .setFlexGrow(1);
        var onPhones = grid.addColumn(ListRowTemplate.<ImportReport.Unresolved>of()
                .withProperty("title", ImportReport.Unresolved::entityRef)
                .withProperty("text", ImportReport.Unresolved::reason)
                .withProperty("hint", u -> where(u.file(), u.documentIndex())))
                .setHeader(getTranslation("import.column.meaning"));
        PhoneColumns.use(grid, onPhones, where, entity, meaning);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(result.unresolved());
        fitRows(grid, result.unresolved().size());
        Paragraph text = new Paragraph(getTranslation("import.unresolved.text"));
        text.addClassName("hint");
        int count = result.unresolved().size() + result.unresolvedLeftOut();
        Card card = new Card(getTranslation("import.unresolved.title", count), text, grid);
        if (result.unresolvedLeftOut() > 0) {
            card.add(new Paragraph(getTranslation("import.leftOut", result.unresolvedLeftOut())));
        }
        return card;
    }

    private Component locations(ImportReport result) {
        Grid<ImportReport.LocationTarget> grid = new Grid<>();
        grid.setId("import-locations");
        var file = grid.addColumn(ImportReport.LocationTarget::file).setHeader(getTranslation("import.column.location"))
                .setAutoWidth(true).setFlexGrow(0);
        var target = grid.addColumn(ImportReport.LocationTarget::target).setHeader(getTranslation("import.column.target"))
                .setAutoWidth(true).setFlexGrow(0);
        var outcome = grid.addColumn(this::followed).setHeader(getTranslation("import.column.followed")).setFlexGrow(1);
        var onPhones = grid.addColumn(ListRowTemplate.<ImportReport.LocationTarget>of()
                .withProperty("title", ImportReport.LocationTarget::target)
                .withProperty("text", this::followed)
                .withProperty("hint", t -> getTranslation("import.location.in", t.file())))
                .setHeader(getTranslation("import.column.target"));
        PhoneColumns.use(grid, onPhones, file, target, outcome);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(result.locations());
        fitRows(grid, result.locations().size());
        long followed = result.locations().stream().filter(ImportReport.LocationTarget::followed).count();
        Paragraph text = new Paragraph(getTranslation("import.locations.text"));
        text.addClassName("hint");
        return new Card(getTranslation("import.locations.title", followed, result.locations().size()), text, grid);
    }

    private Component skipped(ImportReport result) {
        Grid<SkippedDocument> grid = new Grid<>();
        grid.setId("import-skipped");
        var where = grid.addColumn(d -> where(d.file(), d.documentIndex())).setHeader(getTranslation("import.column.where"))
                .setAutoWidth(true).setFlexGrow(0);
        var entity = grid.addColumn(d -> d.entityRef() == null ? "–" : d.entityRef())
                .setHeader(getTranslation("import.column.entity")).setAutoWidth(true).setFlexGrow(0);
        var meaning = grid.addColumn(SkippedDocument::reason).setHeader(getTranslation("import.column.meaning")).setFlexGrow(1);
        var onPhones = grid.addColumn(ListRowTemplate.<SkippedDocument>of()
                .withProperty("title", d -> d.entityRef() == null ? where(d.file(), d.documentIndex()) : d.entityRef())
                .withProperty("text", SkippedDocument::reason)
                .withProperty("hint", d -> d.entityRef() == null ? "" : where(d.file(), d.documentIndex())))
                .setHeader(getTranslation("import.column.meaning"));
        PhoneColumns.use(grid, onPhones, where, entity, meaning);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(result.skipped());
        fitRows(grid, result.skipped().size());
        int count = result.skipped().size() + result.skippedLeftOut();
        return new Card(getTranslation("import.skipped.title", count), grid);
    }

    private Component changes(ImportReport result) {
        Grid<ImportReport.Item> grid = new Grid<>();
        grid.setId("import-changes");
        var action = grid.addColumn(i -> getTranslation("import.action." + i.action().name()))
                .setHeader(getTranslation("import.column.action")).setAutoWidth(true).setFlexGrow(0);
        var entity = grid.addColumn(ImportReport.Item::ref).setHeader(getTranslation("import.column.entity")).setAutoWidth(true);
        var fields = grid.addColumn(ImportReportView::fields).setHeader(getTranslation("import.column.fields")).setFlexGrow(1);
        var where = grid.addColumn(i -> where(i.file(), i.documentIndex())).setHeader(getTranslation("import.column.where"))
                .setAutoWidth(true).setFlexGrow(0);
        var onPhones = grid.addColumn(ListRowTemplate.<ImportReport.Item>of()
                .withProperty("title", ImportReport.Item::ref)
                .withProperty("badge", i -> getTranslation("import.action." + i.action().name()))
                .withProperty("badgeTheme", i -> i.action() == ImportReport.Action.CREATE ? "badge success" : "badge")
                .withProperty("text", ImportReportView::fields)
                .withProperty("hint", i -> where(i.file(), i.documentIndex())))
                .setHeader(getTranslation("import.column.entity"));
        PhoneColumns.use(grid, onPhones, action, entity, fields, where);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(result.changes());
        fitRows(grid, result.changes().size());
        Card card = new Card(getTranslation("import.changes.title", result.created() + result.updated()), grid);
        if (result.changesLeftOut() > 0) {
            card.add(new Paragraph(getTranslation("import.leftOut", result.changesLeftOut())));
        }
        return card;
    }

    /** "all.yaml #3": the file and the document's place in it. */
    private static String where(String file, int documentIndex) {
        return file + " #" + documentIndex;
    }

    private static String fields(ImportReport.Item item) {
        return item.changedFields() == null ? "" : String.join(", ", item.changedFields());
    }

    private String followed(ImportReport.LocationTarget target) {
        return target.followed() ? getTranslation("import.location.followed") : target.reason();
    }

    /**
     * "1 new · 0 changed · 0 unchanged" (「新規 1 · 変更 0 · 変更なし 0」), and what was not taken or
     * left out when there is any.
     */
    private String numbers(int created, int updated, int unchanged, int problems, int skipped) {
        List<String> counts = new ArrayList<>(List.of(count(created, "created"),
                count(updated, "updated"), count(unchanged, "unchanged")));
        if (problems > 0) {
            counts.add(count(problems, "problems"));
        }
        if (skipped > 0) {
            counts.add(count(skipped, "skipped"));
        }
        return String.join(" · ", counts);
    }

    private String count(int value, String key) {
        return getTranslation("import.count", value, getTranslation("import.number." + key));
    }

    /**
     * A short list shows whole, without a scroll box of its own (a phone's rows take several lines);
     * a long one (up to {@link ImportReport#MAX_LISTED}) scrolls within the card and is drawn as it scrolls.
     */
    private static void fitRows(Grid<?> grid, int rows) {
        if (rows <= 10) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("24em");
        }
    }
}
