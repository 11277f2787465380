package engawa.portal.catalog.ui;

import engawa.portal.shared.ui.Card;
import engawa.portal.shared.ui.GridHeights;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import engawa.db.catalog.CatalogServices;
import engawa.db.catalog.OpsLinkKind;
import engawa.portal.catalog.CatalogFilter;
import engawa.portal.catalog.CatalogQuery;
import engawa.portal.catalog.CatalogService;
import engawa.portal.catalog.ServiceSummary;
import engawa.portal.catalog.TeamLinks;
import engawa.portal.people.Member;
import engawa.portal.people.TeamDetails;
import engawa.portal.people.TeamService;
import engawa.portal.people.TeamSummary;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.ui.FormErrors;
import jakarta.annotation.security.PermitAll;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.domain.PageRequest;

/**
 * A team: who is in it, the teams below it, the services it owns directly and through those
 * teams, and the standard links its new services start with.
 */
@Route("teams/:slug")
@PermitAll
public class TeamView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private final TeamService teams;
    private final CatalogService catalog;
    private final TeamLinks teamLinks;
    private String title = "";

    TeamView(TeamService teams, CatalogService catalog, TeamLinks teamLinks) {
        this.teams = teams;
        this.catalog = catalog;
        this.teamLinks = teamLinks;
        addClassName("page");
        addClassName("team-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        removeAll();
        TeamDetails details;
        try {
            details = teams.details(slug);
        } catch (UserFacingException missing) {
            title = getTranslation("team.missing");
            add(new H1(title), new Paragraph(missing.messageIn(getLocale())),
                    new RouterLink(getTranslation("service.back"), CatalogView.class));
            return;
        }
        TeamSummary team = details.team();
        title = team.name();
        H1 heading = new H1(team.name());
        heading.setId("team-name");
        add(heading);
        if (team.description() != null) {
            add(new Paragraph(team.description()));
        }
        Div structure = new Div();
        structure.addClassName("team-structure");
        if (team.parentSlug() != null) {
            structure.add(new Span(getTranslation("team.partOf")), CatalogLinks.team(team.parentSlug(), team.parentName()));
        }
        if (!details.children().isEmpty()) {
            Div chips = new Div(new Span(getTranslation("team.children")));
            chips.addClassName("team-chips");
            details.children().forEach(child -> {
                RouterLink chip = CatalogLinks.team(child.slug(), child.name());
                chip.getElement().getThemeList().add("badge");
                chips.add(chip);
            });
            structure.add(chips);
        }
        add(structure);
        Div columns = new Div(services(team, !details.children().isEmpty()), members(team, details.memberCount()));
        columns.addClassName("team-columns");
        add(columns, linkDefaults(team));
    }

    private Component services(TeamSummary team, boolean hasChildren) {
        CatalogQuery query = catalog.query(null, new CatalogFilter(team.slug(), true, false, null, null, null, null));
        long count = catalog.count(query);
        Grid<ServiceSummary> grid = new Grid<>();
        grid.setId("team-services");
        // cells as Lit templates, as in the catalog: a team can own hundreds of services
        grid.addColumn(CatalogCells.serviceLink()).setHeader(getTranslation("catalog.column.service")).setFlexGrow(2);
        if (hasChildren) {
            // which team below this one runs it; without teams below, every row would name this team
            grid.addColumn(CatalogCells.owner(this)).setHeader(getTranslation("catalog.column.owner")).setFlexGrow(1);
        }
        grid.addColumn(CatalogCells.lifecycle(this)).setAutoWidth(true).setFlexGrow(0)
                .setHeader(getTranslation("catalog.column.lifecycle"));
        grid.addColumn(CatalogCells.tier(this)).setAutoWidth(true).setFlexGrow(0)
                .setHeader(getTranslation("catalog.column.tier"));
        grid.setItems(q -> catalog.list(query, CatalogServices.Sort.TIER, VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(),
                q -> (int) catalog.count(query));
        grid.setEmptyStateText(getTranslation("team.services.none"));
        // long titles wrap rather than end in "…" on a phone
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        GridHeights.fit(grid, count);
        RouterLink all = CatalogLinks.catalog(getTranslation("team.services.inCatalog"), hasChildren
                ? Map.of("owner", team.slug(), "children", "true") : Map.of("owner", team.slug()));
        return new Card(getTranslation(hasChildren ? "team.services.withChildren" : "team.services", count), grid, all);
    }

    private Component members(TeamSummary team, long memberCount) {
        Grid<Member> grid = new Grid<>();
        grid.setId("team-members");
        grid.addColumn(Member::displayName).setHeader(getTranslation("people.displayName")).setFlexGrow(1);
        grid.addColumn(LitRenderer.<Member>of("${item.email ? html`<a href=\"mailto:${item.email}\">${item.email}</a>` : ''}")
                        .withProperty("email", m -> m.email() == null ? "" : m.email()))
                .setHeader(getTranslation("people.email")).setFlexGrow(1);
        grid.setItems(q -> teams.members(team.slug(), PageRequest.of(q.getPage(), q.getPageSize())).stream(),
                q -> (int) memberCount);
        grid.setEmptyStateText(getTranslation("team.members.none"));
        // a long address wraps on a phone rather than ending in "…"
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassName("team-members");
        GridHeights.fit(grid, memberCount);
        return new Card(getTranslation("team.members", memberCount), grid);
    }

    private Component linkDefaults(TeamSummary team) {
        Map<OpsLinkKind, TeamLinks.Template> templates = teamLinks.templates(team.slug());
        boolean mayChange = teamLinks.mayChange(team.slug());
        Map<OpsLinkKind, TextField> fields = new EnumMap<>(OpsLinkKind.class);
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        for (OpsLinkKind kind : OpsLinkKind.values()) {
            TextField field = new TextField(CatalogLabels.opsLink(this, kind));
            field.setId("team-link-" + kind.key);
            field.setPrefixComponent(CatalogLabels.icon(kind));
            TeamLinks.Template template = templates.get(kind);
            if (template != null && !template.inherited()) {
                field.setValue(template.urlTemplate());
            } else if (template != null) {
                field.setPlaceholder(template.urlTemplate());
                field.setHelperText(getTranslation("team.links.inherited", template.fromTeamName()));
            } else {
                field.setPlaceholder("https://…/{name}");
            }
            field.setReadOnly(!mayChange);
            field.setClearButtonVisible(mayChange);
            fields.put(kind, field);
            form.add(field);
        }
        Paragraph text = new Paragraph(getTranslation("team.links.text", TeamLinks.NAME_PLACEHOLDER));
        text.addClassName("hint");
        Card card = new Card(getTranslation("team.links.title"), text, form);
        card.setId("team-links");
        if (mayChange) {
            Button save = new Button(getTranslation("team.links.save"), e -> {
                Map<OpsLinkKind, String> values = new EnumMap<>(OpsLinkKind.class);
                fields.forEach((kind, f) -> values.put(kind, f.getValue()));
                Map<String, TextField> byKey = new LinkedHashMap<>();
                fields.forEach((kind, f) -> byKey.put("opsLinks." + kind.key, f));
                try {
                    teamLinks.replace(team.slug(), values);
                    FormErrors.clear(byKey);
                    FormErrors.notifySuccess(getTranslation("team.links.saved"));
                } catch (RuntimeException error) {
                    if (!FormErrors.show(this, error, byKey)) {
                        throw error;
                    }
                }
            });
            save.setId("team-links-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            card.add(save);
        } else {
            Paragraph who = new Paragraph(getTranslation("catalog.teamLinks.notMember", team.name()));
            who.addClassName("hint");
            card.add(who);
        }
        return card;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
