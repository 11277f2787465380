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
        kinds.addColumn(ImportReport.KindCount::kind).setHeader(getTranslation("import.column.kind"));
        kinds.addColumn(ImportReport.KindCount::created).setHeader(getTranslation("import.number.created"));
        kinds.addColumn(ImportReport.KindCount::updated).setHeader(getTranslation("import.number.updated"));
        kinds.addColumn(ImportReport.KindCount::unchanged).setHeader(getTranslation("import.number.unchanged"));
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
        grid.addColumn(p -> p.file() + " #" + p.documentIndex()).setHeader(getTranslation("import.column.where"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.entityRef() == null ? "–" : p.entityRef()).setHeader(getTranslation("import.column.entity"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ImportProblem::reason).setHeader(getTranslation("import.column.reason")).setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(result.problems());
        grid.setHeight(Math.min(24, 3 + result.problems().size() * 3) + "em");
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
        grid.addColumn(ImportReport.FileSummary::file).setHeader(getTranslation("import.column.file")).setAutoWidth(true)
                .setFlexGrow(1);
        // the numbers as wide as their headers ("cannot be taken"), the file name takes the rest
        grid.addColumn(ImportReport.FileSummary::created).setHeader(getTranslation("import.number.created")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ImportReport.FileSummary::updated).setHeader(getTranslation("import.number.updated")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ImportReport.FileSummary::unchanged).setHeader(getTranslation("import.number.unchanged"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ImportReport.FileSummary::problems).setHeader(getTranslation("import.number.problems"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ImportReport.FileSummary::skipped).setHeader(getTranslation("import.number.skipped")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setItems(result.files());
        grid.setHeight(Math.min(24, 3 + result.files().size() * 2.2) + "em");
        return new Card(getTranslation("import.files.title", result.files().size()), grid);
    }

    private Component unresolved(ImportReport result) {
        Grid<ImportReport.Unresolved> grid = new Grid<>();
        grid.setId("import-unresolved");
        grid.addColumn(u -> u.file() + " #" + u.documentIndex()).setHeader(getTranslation("import.column.where"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ImportReport.Unresolved::entityRef).setHeader(getTranslation("import.column.entity"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ImportReport.Unresolved::reason).setHeader(getTranslation("import.column.meaning")).setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(result.unresolved());
        grid.setHeight(Math.min(24, 3 + result.unresolved().size() * 3) + "em");
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
        grid.addColumn(ImportReport.LocationTarget::file).setHeader(getTranslation("import.column.location"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ImportReport.LocationTarget::target).setHeader(getTranslation("import.column.target"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.followed() ? getTranslation("import.location.followed") : t.reason())
                .setHeader(getTranslation("import.column.followed")).setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(result.locations());
        grid.setHeight(Math.min(24, 3 + result.locations().size() * 2.5) + "em");
        long followed = result.locations().stream().filter(ImportReport.LocationTarget::followed).count();
        Paragraph text = new Paragraph(getTranslation("import.locations.text"));
        text.addClassName("hint");
        return new Card(getTranslation("import.locations.title", followed, result.locations().size()), text, grid);
    }

    private Component skipped(ImportReport result) {
        Grid<engawa.portal.catalog.backstage.SkippedDocument> grid = new Grid<>();
        grid.setId("import-skipped");
        grid.addColumn(d -> d.file() + " #" + d.documentIndex()).setHeader(getTranslation("import.column.where"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> d.entityRef() == null ? "–" : d.entityRef()).setHeader(getTranslation("import.column.entity"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(engawa.portal.catalog.backstage.SkippedDocument::reason)
                .setHeader(getTranslation("import.column.meaning")).setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(result.skipped());
        grid.setHeight(Math.min(20, 3 + result.skipped().size() * 3) + "em");
        int count = result.skipped().size() + result.skippedLeftOut();
        return new Card(getTranslation("import.skipped.title", count), grid);
    }

    private Component changes(ImportReport result) {
        Grid<ImportReport.Item> grid = new Grid<>();
        grid.setId("import-changes");
        grid.addColumn(i -> getTranslation("import.action." + i.action().name())).setHeader(getTranslation("import.column.action"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ImportReport.Item::ref).setHeader(getTranslation("import.column.entity")).setAutoWidth(true);
        grid.addColumn(i -> i.changedFields() == null ? "" : String.join(", ", i.changedFields()))
                .setHeader(getTranslation("import.column.fields")).setFlexGrow(1);
        grid.addColumn(i -> i.file() + " #" + i.documentIndex()).setHeader(getTranslation("import.column.where"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(result.changes());
        grid.setHeight("20em");
        Card card = new Card(getTranslation("import.changes.title", result.created() + result.updated()), grid);
        if (result.changesLeftOut() > 0) {
            card.add(new Paragraph(getTranslation("import.leftOut", result.changesLeftOut())));
        }
        return card;
    }
}
