/**
 * What every feature shares and no feature owns: translations and the refusal people can act on
 * ({@link engawa.portal.shared.UserFacingException}), the clock, time-ordered ids, the secret box,
 * the public address, the database set-up, and in {@code shared.ui} and {@code shared.api} the
 * building blocks of pages and of the REST API, with the shell's extension points
 * ({@link engawa.portal.shared.ui.HomeSection}, {@link engawa.portal.shared.ui.MenuGroup}). It
 * depends on no feature; an open module, so its sub-packages are for everyone.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package engawa.portal.shared;

import org.springframework.modulith.ApplicationModule;
