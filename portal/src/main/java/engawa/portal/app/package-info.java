/**
 * The shell: the layout with its navigation and header, Home, sign-in, the error pages and the
 * language switch. It knows no feature: the navigation lists the views that register themselves
 * with {@code @Menu} (grouped by {@code shared.ui.MenuGroup}), and Home shows the sections the
 * features offer as {@code shared.ui.HomeSection} beans. Depends on people and shared.
 */
package engawa.portal.app;
