package engawa.portal.shared.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import engawa.portal.catalog.ui.CatalogView;
import engawa.portal.catalog.ui.ScorecardView;
import engawa.portal.slo.ui.SloOverviewView;
import engawa.portal.home.ui.HomeView;
import engawa.portal.officehours.ui.OfficeHoursView;
import engawa.portal.people.UserAccountService;
import engawa.portal.people.UserSummary;
import engawa.portal.people.ui.AdminTeamsView;
import engawa.portal.people.ui.AdminUsersView;
import engawa.portal.people.ui.ApiTokensView;
import engawa.portal.recipes.ui.MyRunsView;
import engawa.portal.recipes.ui.RecipesView;
import engawa.portal.webhooks.ui.WebhooksView;

/** The frame of every page after sign-in: navigation on the side, the person and language on top. */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver, BeforeEnterObserver {

    private final Span pageTitle = new Span();
    private final CurrentPerson person;

    MainLayout(CurrentPerson person, UserAccountService users) {
        this.person = person;
        setPrimarySection(Section.DRAWER);
        addAttachListener(event -> Formats.learnTimeZone(event.getUI()));

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.toggle"));
        pageTitle.addClassName("page-title");
        HorizontalLayout header = new HorizontalLayout(toggle, pageTitle);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.addClassName("app-header");
        Div spacer = new Div();
        header.add(spacer);
        header.setFlexGrow(1, spacer);
        person.get().ifPresent(me -> header.add(
                new LanguageSwitch(locale -> users.rememberLocale(me.username(), locale)),
                personMenu(me, person)));
        addToNavbar(header);

        Span brand = new Span(getTranslation("app.name"));
        brand.addClassName("brand");
        Span brandMark = new Span("縁側");
        brandMark.addClassName("brand-mark");
        Div brandBox = new Div(brand, brandMark);
        brandBox.addClassName("brand-box");
        addToDrawer(brandBox, navigation(person.isAdmin()), new Footer(new Span(getTranslation("app.tagline"))));
    }

    private SideNav navigation(boolean admin) {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        nav.addItem(new SideNavItem(getTranslation("nav.home"), HomeView.class, VaadinIcon.HOME_O.create()),
                new SideNavItem(getTranslation("nav.catalog"), CatalogView.class, VaadinIcon.CLUSTER.create()),
                new SideNavItem(getTranslation("nav.slos"), SloOverviewView.class, VaadinIcon.DASHBOARD.create()),
                new SideNavItem(getTranslation("nav.scorecard"), ScorecardView.class, VaadinIcon.CHECK_SQUARE_O.create()),
                new SideNavItem(getTranslation("nav.officeHours"), OfficeHoursView.class, VaadinIcon.COFFEE.create()),
                new SideNavItem(getTranslation("nav.recipes"), RecipesView.class, VaadinIcon.MAGIC.create()),
                new SideNavItem(getTranslation("nav.myRuns"), MyRunsView.class, VaadinIcon.TIME_FORWARD.create()));
        if (admin) {
            SideNavItem adminItem = new SideNavItem(getTranslation("nav.admin"));
            adminItem.setPrefixComponent(VaadinIcon.COG_O.create());
            adminItem.addItem(new SideNavItem(getTranslation("nav.admin.users"), AdminUsersView.class, VaadinIcon.USERS.create()),
                    new SideNavItem(getTranslation("nav.admin.teams"), AdminTeamsView.class, VaadinIcon.GROUP.create()),
                    new SideNavItem(getTranslation("nav.webhooks"), WebhooksView.class, VaadinIcon.CONNECT.create()));
            adminItem.setExpanded(true);
            nav.addItem(adminItem);
        }
        return nav;
    }

    private MenuBar personMenu(UserSummary me, CurrentPerson person) {
        MenuBar menu = new MenuBar();
        menu.setId("person-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        Avatar avatar = new Avatar(me.displayName());
        avatar.addClassName("person-avatar");
        HorizontalLayout who = new HorizontalLayout(avatar, new Span(me.displayName()));
        who.setAlignItems(FlexComponent.Alignment.CENTER);
        who.setSpacing(true);
        MenuItem root = menu.addItem(who);
        SubMenu sub = root.getSubMenu();
        sub.addItem(getTranslation("nav.tokens"), e -> getUI().ifPresent(ui -> ui.navigate(ApiTokensView.class)));
        sub.addItem(getTranslation("nav.webhooks"), e -> getUI().ifPresent(ui -> ui.navigate(WebhooksView.class)));
        sub.addItem(getTranslation("nav.signOut"), e -> person.signOut());
        return menu;
    }

    /**
     * A person an admin disabled, promoted or demoted is signed out at their next step, so the
     * change takes effect at once; signing in again gives them their current rights.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (person.get().isPresent() && !person.matchesStoredAccount()) {
            person.signOut();
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String title = getContent() instanceof com.vaadin.flow.router.HasDynamicTitle titled ? titled.getPageTitle() : "";
        pageTitle.setText(title.replace(" · " + getTranslation("app.name"), ""));
    }
}
