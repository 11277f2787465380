package engawa.portal.catalog.ui;

import org.springframework.data.domain.PageRequest;
import engawa.portal.shared.ui.Card;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import engawa.db.catalog.OpsLinkKind;
import engawa.db.catalog.RelatedEntity;
import engawa.portal.catalog.CatalogEntry;
import engawa.portal.catalog.CatalogFilter;
import engawa.portal.catalog.CatalogQuery;
import engawa.portal.catalog.CatalogService;
import engawa.portal.catalog.Owner;
import engawa.portal.catalog.ServiceDetails;
import engawa.portal.catalog.ServiceLink;
import engawa.portal.people.Member;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.ui.Formats;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;

/**
 * One service, for anyone: what it is, who owns it and how to reach them, its ops links as
 * buttons (a missing one says who can add it), what it depends on and what depends on it, and
 * what changed when.
 */
@Route("services/:name")
@PermitAll
public class ServiceView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private final CatalogService catalog;
    private final java.util.List<ServicePageSection> sections;
    private String title = "";

    ServiceView(CatalogService catalog, java.util.List<ServicePageSection> sections) {
        this.catalog = catalog;
        this.sections = sections;
        addClassName("page");
        addClassName("service-view");
    }

    static RouteParameters parameters(String name) {
        return new RouteParameters("name", name);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String name = event.getRouteParameters().get("name").orElse("");
        removeAll();
        try {
            show(catalog.details(name));
        } catch (UserFacingException missing) {
            if (missing.kind() != UserFacingException.Kind.NOT_FOUND) {
                throw missing;
            }
            showMissing(name, missing);
        }
    }

    private void show(ServiceDetails details) {
        CatalogEntry entry = details.entry();
        title = entry.displayName();
        add(header(details));
        if (entry.description() != null) {
            Paragraph description = new Paragraph(entry.description());
            description.addClassName("service-about");
            add(description);
        } else {
            Paragraph none = new Paragraph(getTranslation("service.noDescription"));
            none.addClassNames("service-about", "missing-text");
            add(none);
        }
        Div columns = new Div();
        columns.addClassName("service-columns");
        Div main = new Div(opsLinks(details));
        // below the ops links: what other features say about the service (its SLOs)
        sections.stream().sorted(java.util.Comparator.comparingInt(ServicePageSection::order))
                .forEach(section -> main.add(section.create(entry, details.mayEdit())));
        main.add(relations(details));
        main.addClassName("service-main");
        Div side = new Div(ownerCard(details), new ScorecardCard(details, catalog.scorecard(entry.name())), facts(entry));
        side.addClassName("service-side");
        columns.add(main, side);
        add(columns, new ServiceHistory(catalog, entry));
    }

    private Component header(ServiceDetails details) {
        CatalogEntry entry = details.entry();
        H1 heading = new H1(entry.displayName());
        heading.setId("service-title");
        Span name = new Span(entry.name());
        name.addClassName("service-name");
        Div badges = new Div(CatalogLabels.lifecycleBadge(this, entry.lifecycle()), CatalogLabels.tierBadge(this, entry.tier()),
                badge(CatalogLabels.type(this, entry.type()), "badge contrast"));
        badges.addClassName("service-badges");
        Div left = new Div(new RouterLink(getTranslation("service.back"), CatalogView.class), heading, name, badges);
        Div header = new Div(left);
        header.addClassName("service-header");
        if (details.mayEdit()) {
            Button edit = new Button(getTranslation("service.edit"), VaadinIcon.EDIT.create(),
                    e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(ServiceEditView.class, parameters(entry.name()))));
            edit.setId("service-edit");
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            header.add(edit);
        } else {
            Span readOnly = new Span(getTranslation("service.readOnly", entry.owner().name()));
            readOnly.setId("service-read-only");
            readOnly.addClassName("hint");
            header.add(readOnly);
        }
        return header;
    }

    private Component opsLinks(ServiceDetails details) {
        CatalogEntry entry = details.entry();
        Div buttons = new Div();
        buttons.addClassName("ops-links");
        buttons.setId("ops-links");
        for (OpsLinkKind kind : OpsLinkKind.values()) {
            String url = entry.opsLinks().get(kind);
            Span label = new Span(CatalogLabels.opsLink(this, kind));
            label.addClassName("ops-link-label");
            if (url != null) {
                Anchor link = CatalogLabels.external(url, "");
                link.add(CatalogLabels.icon(kind), label);
                link.addClassName("ops-link");
                link.getElement().setAttribute("data-kind", kind.key);
                link.getElement().setAttribute("title", url);
                buttons.add(link);
            } else {
                Span missing = new Span(getTranslation("service.ops.missing"));
                missing.addClassName("ops-link-missing-text");
                Div text = new Div(label, missing);
                text.addClassName("ops-link-text");
                Div box = new Div(CatalogLabels.icon(kind), text);
                box.addClassNames("ops-link", "ops-link-missing");
                box.getElement().setAttribute("data-kind", kind.key);
                box.getElement().setAttribute("title", details.mayEdit() ? getTranslation("service.ops.youCanAdd")
                        : getTranslation("service.ops.whoCanAdd", entry.owner().name()));
                buttons.add(box);
            }
        }
        Card card = new Card(getTranslation("service.ops.title"), buttons);
        long missing = java.util.Arrays.stream(OpsLinkKind.values()).filter(k -> !entry.opsLinks().containsKey(k)).count();
        if (missing > 0) {
            Paragraph who = new Paragraph(details.mayEdit() ? getTranslation("service.ops.youCanAdd")
                    : getTranslation("service.ops.whoCanAdd", entry.owner().name()));
            who.addClassName("hint");
            who.setId("ops-links-who");
            card.add(who);
        }
        if (!entry.links().isEmpty()) {
            UnorderedList other = new UnorderedList();
            other.addClassName("other-links");
            for (ServiceLink link : entry.links()) {
                other.add(new ListItem(CatalogLabels.external(link.url(), link.title() != null ? link.title() : link.url())));
            }
            card.add(new Span(getTranslation("service.links.other")), other);
        }
        return card;
    }

    private Component relations(ServiceDetails details) {
        Div grid = new Div();
        grid.addClassName("relations");
        grid.add(relationList("depends-on", getTranslation("service.dependsOn"), details.dependsOn(),
                getTranslation("service.dependsOn.none")));
        grid.add(relationList("used-by", getTranslation("service.usedBy"), details.dependedOnBy(),
                getTranslation("service.usedBy.none")));
        if (!details.providesApis().isEmpty() || !details.consumesApis().isEmpty()) {
            grid.add(relationList("provides-apis", getTranslation("service.providesApis"), details.providesApis(),
                    getTranslation("service.none")));
            grid.add(relationList("consumes-apis", getTranslation("service.consumesApis"), details.consumesApis(),
                    getTranslation("service.none")));
        }
        return new Card(getTranslation("service.relations.title"), grid);
    }

    private Component relationList(String id, String heading, List<RelatedEntity> related, String empty) {
        Div box = new Div();
        box.setId(id);
        box.addClassName("relation-list");
        Span title = new Span(heading + (related.isEmpty() ? "" : " (" + related.size() + ")"));
        title.addClassName("relation-heading");
        box.add(title);
        if (related.isEmpty()) {
            Span none = new Span(empty);
            none.addClassName("missing-text");
            box.add(none);
            return box;
        }
        UnorderedList list = new UnorderedList();
        for (RelatedEntity r : related) {
            list.add(new ListItem(relatedItem(r)));
        }
        box.add(list);
        return box;
    }

    private Component relatedItem(RelatedEntity r) {
        if (r.serviceId() != null && r.name() != null) {
            RouterLink link = CatalogLinks.service(r.name(), r.title() != null ? r.title() : r.name());
            return link;
        }
        if (r.inCatalog()) {
            Span text = new Span((r.title() != null ? r.title() : r.name()) + " · " + CatalogLabels.type(this, r.kind()));
            return text;
        }
        Span unknown = new Span(r.ref());
        unknown.addClassName("missing-text");
        unknown.getElement().setAttribute("title", getTranslation("service.relation.notInCatalog"));
        return new Span(unknown, new Span(" " + getTranslation("service.relation.notInCatalogShort")));
    }

    private Component ownerCard(ServiceDetails details) {
        Owner owner = details.entry().owner();
        Card card = new Card(getTranslation("service.owner.title"), ownerLine(owner));
        card.setId("service-owner");
        if (owner.kind() == Owner.Kind.PENDING) {
            Paragraph pending = new Paragraph(getTranslation("service.owner.pending", owner.name()));
            pending.setId("service-owner-pending");
            pending.addClassName("missing-text");
            card.add(pending);
            return card;
        }
        if (details.contacts().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("service.owner.noContacts"));
            none.addClassName("missing-text");
            card.add(none);
            return card;
        }
        UnorderedList people = new UnorderedList();
        people.addClassName("contacts");
        for (Member m : details.contacts()) {
            ListItem item = new ListItem(new Span(m.displayName()));
            if (m.email() != null) {
                Anchor mail = new Anchor("mailto:" + m.email(), m.email());
                mail.addClassName("contact-email");
                item.add(mail);
            }
            people.add(item);
        }
        card.add(new Span(getTranslation("service.owner.ask")), people);
        if (details.contactCount() > details.contacts().size() && owner.kind() == Owner.Kind.TEAM) {
            card.add(CatalogLinks.team(owner.key(),
                    getTranslation("service.owner.more", details.contactCount() - details.contacts().size())));
        }
        return card;
    }

    private Component ownerLine(Owner owner) {
        Div line = new Div(owner.kind() == Owner.Kind.PERSON ? VaadinIcon.USER.create() : VaadinIcon.GROUP.create(),
                CatalogLabels.owner(owner));
        line.addClassName("owner-line");
        return line;
    }

    private Component facts(CatalogEntry entry) {
        Div facts = new Div();
        facts.addClassName("facts");
        fact(facts, getTranslation("service.fact.tier"), new Span(CatalogLabels.tier(this, entry.tier())));
        fact(facts, getTranslation("service.fact.type"), new Span(CatalogLabels.type(this, entry.type())));
        if (entry.system() != null) {
            fact(facts, getTranslation("service.fact.system"), CatalogLinks.catalog(entry.system(), Map.of("system", entry.system())));
        }
        if (!entry.tags().isEmpty()) {
            Div tags = new Div();
            tags.addClassName("service-tags");
            entry.tags().forEach(t -> {
                RouterLink chip = CatalogLinks.catalog(t, Map.of("tag", t));
                chip.getElement().getThemeList().add("badge contrast pill");
                tags.add(chip);
            });
            fact(facts, getTranslation("service.fact.tags"), tags);
        }
        fact(facts, getTranslation("service.fact.updated"), new Span(Formats.dateTime(entry.updatedAt())));
        return new Card(getTranslation("service.facts.title"), facts);
    }

    private static void fact(Div facts, String label, Component value) {
        Span l = new Span(label);
        l.addClassName("fact-label");
        facts.add(l, value);
    }

    private void showMissing(String name, UserFacingException missing) {
        title = getTranslation("service.missing.title");
        add(new H1(title), new Paragraph(missing.messageIn(getLocale())));
        CatalogQuery similar = catalog.query(name.replace('-', ' '), CatalogFilter.NONE);
        List<String> names = similar.isSearch() ? catalog.list(similar, engawa.db.catalog.CatalogServices.Sort.NAME, PageRequest.of(0, 5))
                .stream().map(s -> s.name()).toList() : List.of();
        if (!names.isEmpty()) {
            UnorderedList list = new UnorderedList();
            names.forEach(n -> list.add(new ListItem(CatalogLinks.service(n, n))));
            add(new Paragraph(getTranslation("service.missing.similar")), list);
        }
        add(new RouterLink(getTranslation("service.back"), CatalogView.class));
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(theme);
        return badge;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
