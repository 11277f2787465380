package engawa.portal.shared.ui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a view with {@code @Menu} appears in the shell: the main navigation (the default, without
 * this annotation), the engineers' pages, the admins' pages, or the person's own menu. Views
 * register themselves, so the shell knows no feature.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MenuGroup {

    Group value();

    enum Group {
        MAIN,
        /** Catalog-wide reports and tools that matter to engineering teams: SLOs, the scorecard, webhooks. */
        ENGINEERS,
        /** People and teams: admins only (their views say so with {@code @RolesAllowed}). */
        ADMIN,
        /** Under the person's name in the header: their tokens, their settings. */
        PERSONAL
    }
}
