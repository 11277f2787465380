package engawa.portal.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.internal.UrlUtil;
import engawa.portal.catalog.Owner;
import engawa.portal.catalog.ServiceSummary;

/**
 * Grid cells that the catalog's grids share (the catalog and a team's services), as Lit templates
 * filled with each row's words rather than a component per cell: a page of rows travels as data and
 * the browser draws it without a component tree to build and attach. Lit escapes every value it
 * puts in, so names people wrote stay text. Links use the portal's own navigation
 * ({@code router-link}), with the address as the views' route templates write it.
 */
final class CatalogCells {

    private CatalogCells() {
    }

    /** The service's title, linking to its page. */
    static LitRenderer<ServiceSummary> serviceLink() {
        return LitRenderer.<ServiceSummary>of("<a class=\"service-title\" href=\"${item.url}\" router-link>${item.title}</a>")
                .withProperty("url", CatalogCells::serviceUrl)
                .withProperty("title", ServiceSummary::displayName);
    }

    static String serviceUrl(ServiceSummary service) {
        return "services/" + UrlUtil.encodeURIComponent(service.name());
    }

    /** A team's name linking to its page; a person's name as text; an owner not here yet, saying so. */
    static LitRenderer<ServiceSummary> owner(Component on) {
        return LitRenderer.<ServiceSummary>of("""
                        ${item.kind === 'TEAM' ? html`<a class="owner-link" href="${item.url}" router-link>${item.name}</a>`
                          : item.kind === 'PENDING' ? html`<span><span class="owner-pending" title="${item.title}">${item.name}</span>
                              <span>${item.note}</span></span>`
                          : html`<span class="owner-person">${item.name}</span>`}""")
                .withProperty("kind", s -> s.owner().kind().name())
                .withProperty("name", s -> s.owner().name())
                .withProperty("url", s -> s.owner().kind() == Owner.Kind.TEAM
                        ? "teams/" + UrlUtil.encodeURIComponent(s.owner().key())
                        : "")
                .withProperty("title", s -> s.owner().kind() == Owner.Kind.PENDING
                        ? on.getTranslation("service.owner.pendingShort", s.owner().name()) : "")
                .withProperty("note", s -> s.owner().kind() == Owner.Kind.PENDING
                        ? on.getTranslation("service.relation.notInCatalogShort") : "");
    }

    static LitRenderer<ServiceSummary> lifecycle(Component on) {
        return LitRenderer.<ServiceSummary>of("<span class=\"lifecycle-badge\" theme=\"${item.theme}\">${item.words}</span>")
                .withProperty("words", s -> CatalogLabels.lifecycle(on, s.lifecycle()))
                .withProperty("theme", s -> CatalogLabels.lifecycleTheme(s.lifecycle()));
    }

    static LitRenderer<ServiceSummary> tier(Component on) {
        return LitRenderer.<ServiceSummary>of(
                        "<span class=\"tier-badge\" theme=\"${item.theme}\" title=\"${item.title}\">${item.words}</span>")
                .withProperty("words", s -> CatalogLabels.tierShort(on, s.tier()))
                .withProperty("title", s -> CatalogLabels.tier(on, s.tier()))
                .withProperty("theme", s -> CatalogLabels.tierTheme(s.tier()));
    }
}
