package engawa.portal.app;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
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
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import engawa.portal.catalog.MyServices;
import engawa.portal.people.UserAccountService;
import engawa.portal.people.UserSummary;
import engawa.portal.people.ui.CurrentPerson;
import engawa.portal.people.ui.PasswordView;
import engawa.portal.shared.ui.Formats;
import engawa.portal.shared.ui.HeaderItem;
import engawa.portal.shared.ui.MenuGroup;
import engawa.portal.shared.ui.MenuGroup.Group;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The frame of every page after sign-in: navigation on the side, the person and language on top.
 * The navigation lists the views that register themselves with {@code @Menu} and that the person
 * may open (Vaadin's menu access control), grouped by {@link MenuGroup}.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver, BeforeEnterObserver {

    private final Span pageTitle = new Span();
    private final CurrentPerson person;
    /** The one {@code main} landmark: every view is shown inside it, and the skip link leads to it. */
    private final Main main = new Main();
    private HasElement view;
    /** A page opened by its address starts at the top, where the skip link is the first Tab stop. */
    private boolean opened;

    MainLayout(CurrentPerson person, UserAccountService users, MyServices myServices, List<HeaderItem> headerItems) {
        this.person = person;
        setPrimarySection(Section.DRAWER);
        addAttachListener(event -> Formats.learnTimeZone(event.getUI()));
        main.setId("main-content");
        main.getElement().setAttribute("tabindex", "-1");
        main.addClassName("main-content");
        setContent(main);
        Map<Group, List<MenuEntry>> menu = menu();

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.toggle"));
        pageTitle.addClassName("page-title");
        // the first stop of the Tab key: past the header and the navigation, straight to the page
        NativeButton skip = new NativeButton(getTranslation("nav.skipToContent"),
                e -> main.getElement().executeJs("this.focus()"));
        skip.setId("skip-link");
        skip.addClassName("skip-link");
        HorizontalLayout header = new HorizontalLayout(skip, toggle, pageTitle);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.addClassName("app-header");
        Div spacer = new Div();
        header.add(spacer);
        header.setFlexGrow(1, spacer);
        person.get().ifPresent(me -> {
            headerItems.stream().sorted(java.util.Comparator.comparingInt(HeaderItem::order))
                    .forEach(item -> item.create().ifPresent(header::add));
            header.add(new LanguageSwitch(locale -> users.rememberLocale(me.username(), locale)),
                    personMenu(me, person, menu.getOrDefault(Group.PERSONAL, List.of())));
        });
        addToNavbar(header);

        Span brand = new Span(getTranslation("app.name"));
        brand.addClassName("brand");
        Span brandMark = new Span("縁側");
        brandMark.addClassName("brand-mark");
        Div brandBox = new Div(brand, brandMark);
        brandBox.addClassName("brand-box");
        boolean engineer = person.get().isPresent() && myServices.worksOnServices();
        addToDrawer(brandBox, navigation(menu, engineer), new Footer(new Span(getTranslation("app.tagline"))));
    }

    /** The views this person may open, by group, in their order. */
    private static Map<Group, List<MenuEntry>> menu() {
        Map<Group, List<MenuEntry>> groups = new EnumMap<>(Group.class);
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            MenuGroup group = entry.menuClass() == null ? null : entry.menuClass().getAnnotation(MenuGroup.class);
            groups.computeIfAbsent(group == null ? Group.MAIN : group.value(), g -> new java.util.ArrayList<>()).add(entry);
        }
        return groups;
    }

    /**
     * One side navigation per group, each with its own label: the groups are separate lists rather
     * than expandable items, whose toggle screen readers could not relate to its list.
     */
    private Div navigation(Map<Group, List<MenuEntry>> menu, boolean engineer) {
        Div navigation = new Div();
        navigation.setId("main-nav");
        navigation.addClassName("main-nav");
        SideNav main = new SideNav();
        main.getElement().setAttribute("aria-label", getTranslation("nav.main"));
        menu.getOrDefault(Group.MAIN, List.of()).forEach(entry -> main.addItem(item(entry)));
        navigation.add(main);
        // folded for people who do not work on services: there, but not in their way
        addGroup(navigation, menu, Group.ENGINEERS, "nav.engineers", !engineer);
        addGroup(navigation, menu, Group.ADMIN, "nav.admin", false);
        return navigation;
    }

    private void addGroup(Div navigation, Map<Group, List<MenuEntry>> menu, Group group, String labelKey, boolean folded) {
        List<MenuEntry> entries = menu.getOrDefault(group, List.of());
        if (entries.isEmpty()) {
            return;
        }
        SideNav nav = new SideNav(getTranslation(labelKey));
        if (folded) {
            nav.setCollapsible(true);
            nav.setExpanded(false);
        }
        nav.setId("nav-" + group.name().toLowerCase(java.util.Locale.ROOT));
        entries.forEach(entry -> nav.addItem(item(entry)));
        navigation.add(nav);
    }

    private SideNavItem item(MenuEntry entry) {
        SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
        if (entry.icon() != null && !entry.icon().isBlank()) {
            item.setPrefixComponent(icon(entry.icon()));
        }
        return item;
    }

    private static Component icon(String name) {
        return new Icon(name);
    }

    private MenuBar personMenu(UserSummary me, CurrentPerson person, List<MenuEntry> personal) {
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
        personal.forEach(entry -> sub.addItem(getTranslation(entry.title()),
                e -> getUI().ifPresent(ui -> ui.navigate(entry.path()))));
        sub.addItem(getTranslation("nav.signOut"), e -> person.signOut());
        return menu;
    }

    /**
     * A password someone else chose is replaced before anything else. (A person whose rights changed
     * never gets here: their session ended at the request, in the security filters.)
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getNavigationTarget() != PasswordView.class && person.get().isPresent() && person.mustChangePassword()) {
            event.rerouteTo(PasswordView.class);
        }
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        view = content;
        main.getElement().removeAllChildren();
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        main.getElement().removeAllChildren();
        view = null;
    }

    /**
     * The header shows the page's title; keyboard and screen reader users are taken to the page's
     * heading, unless the page already put them somewhere (the first field to fill in).
     */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String title = view instanceof com.vaadin.flow.router.HasDynamicTitle titled ? titled.getPageTitle() : "";
        pageTitle.setText(title.replace(" · " + getTranslation("app.name"), ""));
        if (!opened) {
            opened = true;
            return;
        }
        main.getElement().executeJs("""
                if (this.contains(document.activeElement) && document.activeElement !== this) { return; }
                const h = this.querySelector('h1');
                if (h) { h.setAttribute('tabindex', '-1'); h.focus({preventScroll: true}); }""");
    }
}
