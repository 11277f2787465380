package engawa.portal.recipes;

/**
 * Who to ask about a recipe that did not work, and where to reach them: the owning team's page
 * (its members and their addresses) or the owning person's e-mail address.
 *
 * @param link a path in the portal ({@code /teams/finance-ops}), a {@code mailto:} address, or null
 *        when the owning person has no address
 */
public record OwnerContact(String name, String link) {
}
