package engawa.portal.catalog.ui;

import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.Menu;
import engawa.portal.shared.ui.MenuGroup;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import engawa.db.catalog.ScorecardLevel;
import engawa.db.catalog.ScorecardRule;
import engawa.db.catalog.Scorecards;
import engawa.portal.catalog.CatalogService;
import jakarta.annotation.security.PermitAll;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The common minimum across the company: for each rule the share of services that pass it (and a
 * link to those that do not), how many are at each level, and the same per team, so that each
 * team sees its own gaps and operations sees where to help.
 */
@Route("scorecard")
@Menu(title = "nav.scorecard", order = 20, icon = "vaadin:check-square-o")
@MenuGroup(MenuGroup.Group.ENGINEERS)
@PermitAll
public class ScorecardView extends Div implements HasDynamicTitle {

    ScorecardView(CatalogService catalog) {
        addClassName("page");
        addClassName("scorecard-view");
        add(new H1(getTranslation("scorecard.title")), new Paragraph(getTranslation("scorecard.intro")));
        List<Scorecards.Tally> teams = catalog.scorecardReport();
        long services = teams.stream().mapToLong(Scorecards.Tally::services).sum();
        Map<ScorecardRule, Long> passing = new EnumMap<>(ScorecardRule.class);
        Map<ScorecardLevel, Long> levels = new EnumMap<>(ScorecardLevel.class);
        for (Scorecards.Tally t : teams) {
            t.passing().forEach((rule, n) -> passing.merge(rule, n, Long::sum));
            t.levels().forEach((level, n) -> levels.merge(level, n, Long::sum));
        }
        add(levels(levels, services));

        Div company = new Div();
        company.setId("scorecard-company");
        company.addClassName("card");
        H2 heading = new H2(getTranslation("scorecard.company", services));
        heading.addClassName("card-title");
        company.add(heading);
        for (ScorecardRule rule : ScorecardRule.values()) {
            company.add(ruleRow(rule, passing.getOrDefault(rule, 0L), services));
        }
        add(company);

        Div byTeam = new Div();
        byTeam.setId("scorecard-teams");
        H2 teamsHeading = new H2(getTranslation("scorecard.teams"));
        byTeam.add(teamsHeading);
        Div table = new Div();
        table.addClassName("scorecard-table");
        table.getElement().setAttribute("role", "table");
        table.getElement().setAttribute("aria-label", getTranslation("scorecard.teams"));
        Div head = new Div();
        head.addClassName("scorecard-row");
        head.getElement().setAttribute("role", "row");
        head.add(cell(getTranslation("scorecard.column.team"), "columnheader"),
                cell(getTranslation("scorecard.column.services"), "columnheader"));
        for (ScorecardLevel level : List.of(ScorecardLevel.GOLD, ScorecardLevel.SILVER, ScorecardLevel.BRONZE, ScorecardLevel.NONE)) {
            head.add(cell(CatalogLabels.level(this, level), "columnheader"));
        }
        for (ScorecardRule rule : ScorecardRule.values()) {
            head.add(cell(getTranslation("scorecard.rule." + rule.textKey() + ".short"), "columnheader"));
        }
        table.add(head);
        for (Scorecards.Tally t : teams) {
            Div row = new Div();
            row.addClassName("scorecard-row");
            row.getElement().setAttribute("role", "row");
            row.getElement().setAttribute("data-team", t.teamSlug() == null ? "" : t.teamSlug());
            Component name = t.teamSlug() == null ? new Span(getTranslation("scorecard.people"))
                    : CatalogLinks.catalog(t.teamName(), Map.of("owner", t.teamSlug()));
            Div nameCell = new Div(name);
            nameCell.getElement().setAttribute("role", "rowheader");
            row.add(nameCell, cell(String.valueOf(t.services()), "cell"));
            for (ScorecardLevel level : List.of(ScorecardLevel.GOLD, ScorecardLevel.SILVER, ScorecardLevel.BRONZE, ScorecardLevel.NONE)) {
                row.add(cell(String.valueOf(t.levels().getOrDefault(level, 0L)), "cell"));
            }
            for (ScorecardRule rule : ScorecardRule.values()) {
                long n = t.passing().getOrDefault(rule, 0L);
                Div c = cell(percent(n, t.services()), "cell");
                c.getElement().setAttribute("title", getTranslation("scorecard.share", n, t.services()));
                c.addClassName(n == t.services() ? "score-full" : n == 0 ? "score-none" : "score-part");
                row.add(c);
            }
            table.add(row);
        }
        byTeam.add(table);
        add(byTeam);
    }

    private Component levels(Map<ScorecardLevel, Long> levels, long services) {
        Div box = new Div();
        box.setId("scorecard-levels");
        box.addClassName("scorecard-levels");
        for (ScorecardLevel level : List.of(ScorecardLevel.GOLD, ScorecardLevel.SILVER, ScorecardLevel.BRONZE, ScorecardLevel.NONE)) {
            long n = levels.getOrDefault(level, 0L);
            RouterLink link = CatalogLinks.catalog("", Map.of("level", level.key()));
            link.addClassName("scorecard-level");
            link.getElement().setAttribute("data-level", level.key());
            Span count = new Span(String.valueOf(n));
            count.addClassName("scorecard-level-count");
            link.add(CatalogLabels.levelBadge(this, level), count, new Span(getTranslation("scorecard.level.of", services)));
            box.add(link);
        }
        Paragraph explain = new Paragraph(getTranslation("scorecard.levels.explain"));
        explain.addClassName("hint");
        return new Div(box, explain);
    }

    private Component ruleRow(ScorecardRule rule, long passing, long services) {
        Div row = new Div();
        row.addClassName("scorecard-rule");
        row.getElement().setAttribute("data-rule", rule.key);
        Span label = new Span(getTranslation("scorecard.rule." + rule.textKey()));
        label.addClassName("scorecard-rule-label");
        ProgressBar bar = new ProgressBar(0, Math.max(1, services), passing);
        bar.getElement().setAttribute("aria-label", getTranslation("scorecard.rule." + rule.textKey()));
        Span share = new Span(getTranslation("scorecard.share", passing, services));
        share.addClassName("scorecard-share");
        row.add(label, bar, share);
        if (passing < services) {
            RouterLink without = CatalogLinks.catalog(getTranslation("scorecard.without", services - passing),
                    Map.of("missing", rule.key));
            without.addClassName("scorecard-without");
            row.add(without);
        }
        return row;
    }

    private static Div cell(String text, String role) {
        Div cell = new Div(new Span(text));
        cell.getElement().setAttribute("role", role);
        return cell;
    }

    private static String percent(long n, long of) {
        return of == 0 ? "–" : Math.round(100.0 * n / of) + "%";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("scorecard.title") + " · " + getTranslation("app.name");
    }
}
