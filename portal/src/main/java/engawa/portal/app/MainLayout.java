package engawa.portal.app;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
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

    MainLayout(CurrentPerson person, UserAccountService users, List<HeaderItem> headerItems) {
        this.person = person;
        setPrimarySection(Section.DRAWER);
        addAttachListener(event -> Formats.learnTimeZone(event.getUI()));
        Map<Group, List<MenuEntry>> menu = menu();

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
        addToDrawer(brandBox, navigation(menu), new Footer(new Span(getTranslation("app.tagline"))));
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
    private Div navigation(Map<Group, List<MenuEntry>> menu) {
        Div navigation = new Div();
        navigation.setId("main-nav");
        navigation.addClassName("main-nav");
        SideNav main = new SideNav();
        main.getElement().setAttribute("aria-label", getTranslation("nav.main"));
        menu.getOrDefault(Group.MAIN, List.of()).forEach(entry -> main.addItem(item(entry)));
        navigation.add(main);
        addGroup(navigation, menu, Group.ENGINEERS, "nav.engineers");
        addGroup(navigation, menu, Group.ADMIN, "nav.admin");
        return navigation;
    }

    private void addGroup(Div navigation, Map<Group, List<MenuEntry>> menu, Group group, String labelKey) {
        List<MenuEntry> entries = menu.getOrDefault(group, List.of());
        if (entries.isEmpty()) {
            return;
        }
        SideNav nav = new SideNav(getTranslation(labelKey));
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
    public void afterNavigation(AfterNavigationEvent event) {
        String title = getContent() instanceof com.vaadin.flow.router.HasDynamicTitle titled ? titled.getPageTitle() : "";
        pageTitle.setText(title.replace(" · " + getTranslation("app.name"), ""));
    }
}
