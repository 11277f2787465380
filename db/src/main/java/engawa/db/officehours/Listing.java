package engawa.db.officehours;

/**
 * A session as lists show it: its series, how full it is and where the viewer stands.
 *
 * @param mine the viewer's sign-up status, null when not signed up
 * @param hosting whether the viewer is one of its hosts
 */
public record Listing(SessionRow session, SeriesRow series, int waitlisted, int dropIns, SignupStatus mine, boolean hosting) {
}
