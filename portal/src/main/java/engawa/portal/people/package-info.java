/**
 * People: user accounts (local or single sign-on), teams with parent teams, team membership, and
 * personal API tokens. Other features ask it who someone is and which teams they belong to.
 */
package engawa.portal.people;
