/**
 * People: user accounts (local or single sign-on), teams with parent teams, team membership,
 * personal API tokens, and who is calling ({@link engawa.portal.people.Callers}).
 *
 * <p>Owns the tables {@code users}, {@code teams}, {@code team_memberships}, {@code api_tokens}.
 * Offers the other features {@link engawa.portal.people.PeopleDirectory} (who someone is, their
 * teams, the teams below a team), {@link engawa.portal.people.OwnerRef} (the one way to write an
 * owner), {@link engawa.portal.people.Ownership} (the one rule of who may change what a team or a
 * person owns), {@link engawa.portal.people.PeopleImport} (bulk writes for a catalog import), and
 * in {@code people.ui} the views' {@code CurrentPerson} and {@code TeamComboBox}. Depends on no
 * other feature.
 */
package engawa.portal.people;
