package engawa.portal.catalog.ui;

import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import engawa.db.catalog.Lifecycle;
import engawa.db.catalog.OpsLinkKind;
import engawa.db.catalog.ScorecardLevel;
import engawa.portal.catalog.Owner;

/** The words and badges every catalog page uses for the same things, so they read the same everywhere. */
final class CatalogLabels {

    private CatalogLabels() {
    }

    static String lifecycle(Component on, Lifecycle lifecycle) {
        return on.getTranslation("catalog.lifecycle." + lifecycle.id());
    }

    static String tier(Component on, Integer tier) {
        return tier == null ? on.getTranslation("catalog.tier.none") : on.getTranslation("catalog.tier." + tier);
    }

    static String tierShort(Component on, Integer tier) {
        return tier == null ? on.getTranslation("catalog.tier.noneShort") : on.getTranslation("catalog.tier.short", tier);
    }

    /** Backstage's common component types in the reader's language; any other type as it was written. */
    static String type(Component on, String type) {
        if (type == null || !type.matches("[a-z][a-z-]{0,30}")) {
            return type;
        }
        String words = on.getTranslation("catalog.type." + type);
        return words.startsWith("!") ? type : words;
    }

    static String opsLink(Component on, OpsLinkKind kind) {
        return on.getTranslation("catalog.ops." + kind.key);
    }

    /** A history or conflict field's name as people read it. */
    static String field(Component on, String field) {
        return on.getTranslation("catalog.field." + field);
    }

    static String lifecycleTheme(Lifecycle lifecycle) {
        return switch (lifecycle) {
            case PRODUCTION -> "badge success";
            case EXPERIMENTAL -> "badge";
            case DEPRECATED -> "badge error";
        };
    }

    static Span lifecycleBadge(Component on, Lifecycle lifecycle) {
        Span badge = new Span(lifecycle(on, lifecycle));
        badge.getElement().getThemeList().add(lifecycleTheme(lifecycle));
        badge.addClassName("lifecycle-badge");
        return badge;
    }

    static String level(Component on, ScorecardLevel level) {
        return on.getTranslation("scorecard.level." + level.key());
    }

    /** Gold, Silver, Bronze or "Not yet": the word carries the meaning, the colour only helps. */
    static Span levelBadge(Component on, ScorecardLevel level) {
        Span badge = new Span(level(on, level));
        badge.getElement().getThemeList().add(levelTheme(level));
        badge.addClassNames("level-badge", "level-" + level.key());
        badge.getElement().setAttribute("data-level", level.key());
        return badge;
    }

    static String levelTheme(ScorecardLevel level) {
        return level == ScorecardLevel.NONE ? "badge contrast" : "badge";
    }

    /** Tier 1 stands out: a problem there is felt by the most people. */
    static String tierTheme(Integer tier) {
        return tier != null && tier == 1 ? "badge error primary" : "badge contrast";
    }

    static Span tierBadge(Component on, Integer tier) {
        Span badge = new Span(tierShort(on, tier));
        badge.getElement().getThemeList().add(tierTheme(tier));
        badge.getElement().setAttribute("title", tier(on, tier));
        badge.addClassName("tier-badge");
        return badge;
    }

    static Icon icon(OpsLinkKind kind) {
        return switch (kind) {
            case LOGS -> VaadinIcon.LINES_LIST.create();
            case METRICS -> VaadinIcon.CHART_LINE.create();
            case ERRORS -> VaadinIcon.BUG_O.create();
            case ON_CALL -> VaadinIcon.PHONE.create();
            case CI_CD -> VaadinIcon.COGS.create();
            case RUNBOOK -> VaadinIcon.BOOK.create();
            case SOURCE -> VaadinIcon.CODE.create();
            case DOCS -> VaadinIcon.FILE_TEXT_O.create();
        };
    }

    /** A team's name linking to its page; a person's name as text; an owner not here yet, saying so. */
    static Component owner(Owner owner) {
        if (owner.kind() == Owner.Kind.PENDING) {
            Span pending = new Span(owner.name());
            pending.addClassName("owner-pending");
            pending.getElement().setAttribute("title", pending.getTranslation("service.owner.pendingShort", owner.name()));
            return new Span(pending, new Span(" " + pending.getTranslation("service.relation.notInCatalogShort")));
        }
        if (owner.kind() == Owner.Kind.TEAM) {
            RouterLink team = CatalogLinks.team(owner.key(), owner.name());
            team.addClassName("owner-link");
            return team;
        }
        Span person = new Span(owner.name());
        person.addClassName("owner-person");
        return person;
    }

    /** A link that leaves the portal: a new tab, and no access to this page from there. */
    static Anchor external(String url, String text) {
        Anchor anchor = new Anchor(url, text);
        anchor.setTarget("_blank");
        anchor.getElement().setAttribute("rel", "noopener noreferrer");
        return anchor;
    }
}
