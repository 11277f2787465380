package engawa.portal.catalog;

import engawa.portal.catalog.ImportBatch.PlannedMembership;
import engawa.portal.catalog.ImportBatch.PlannedUser;
import engawa.portal.catalog.ImportReport.Action;
import engawa.portal.catalog.backstage.BackstageEntity;
import engawa.portal.catalog.backstage.EntityRef;
import engawa.portal.catalog.backstage.ParsedEntity;
import engawa.portal.people.PeopleImport;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Backstage Users become accounts that sign in through single sign-on, with the teams they are a
 * member of. An existing person's name and address are theirs to keep: the import adds
 * memberships only. Admins only; people's rules decide what a username and an address may be.
 */
@Component
class UserPlanner {

    private final PeopleImport people;

    UserPlanner(PeopleImport people) {
        this.people = people;
    }

    void check(ImportBatch batch, List<ParsedEntity> userEntities) {
        Set<String> emailsInUse = new HashSet<>(people.emailsInUse(emailsOf(userEntities)));
        for (ParsedEntity user : userEntities) {
            if (!batch.run.caller.admin()) {
                batch.problem(user, ImportMessages.onlyAdminsImportPeople());
                continue;
            }
            BackstageEntity e = user.entity();
            Optional<String> username = PeopleImport.username(e.name());
            if (username.isEmpty()) {
                batch.problem(user, "The name \"" + e.name() + "\" cannot be a username: " + PeopleImport.usernameRule()
                        + " (for example " + PeopleImport.suggestedSlug(e.name()) + ").");
                continue;
            }
            if (batch.users.containsKey(username.get())) {
                batch.problem(user, "Another User in this import becomes the same account \"" + username.get()
                        + "\" (Engawa has one namespace for people). Remove or rename one of them.");
                continue;
            }
            PeopleImport.Account existing = batch.existingUsers.get(username.get());
            String email = ImportMessages.text(ImportMessages.profile(e).get("email"));
            if (existing == null && email != null && emailsInUse.contains(email.toLowerCase(Locale.ROOT))) {
                batch.problem(user, "The e-mail address " + email + " belongs to another account in Engawa. Use that"
                        + " account's username as the User's name, or change the address.");
                continue;
            }
            if (existing == null && email != null && !PeopleImport.isEmail(email)) {
                batch.problem(user, "spec.profile.email \"" + email + "\" is not an e-mail address.");
                continue;
            }
            String displayName = PeopleImport.displayName(ImportMessages.firstText(
                    ImportMessages.profile(e).get("displayName"), e.title(), e.name()));
            long id = existing == null ? batch.temporaryUser(username.get()) : existing.id();
            batch.users.put(username.get(), new PlannedUser(user, username.get(), displayName, email, existing, id));
            if (existing == null && email != null) {
                emailsInUse.add(email.toLowerCase(Locale.ROOT));
            }
            for (String group : e.specList("memberOf")) {
                EntityRef.parse(group, "group", e.namespace()).flatMap(ref -> PeopleImport.teamSlug(ref.name()))
                        .ifPresent(slug -> batch.memberships.add(new PlannedMembership(slug, username.get(), true)));
            }
            batch.run.tally.count(user, existing == null ? Action.CREATE : Action.UNCHANGED, List.of());
        }
    }

    /** @return the new accounts' ids by username */
    Map<String, Long> write(ImportBatch batch, Instant at) {
        return people.insertAccounts(batch.users.values().stream().filter(u -> u.existing() == null)
                .map(u -> new PeopleImport.NewAccount(u.username(), u.displayName(), u.email())).toList(), at);
    }

    private static Set<String> emailsOf(List<ParsedEntity> users) {
        Set<String> emails = new HashSet<>();
        for (ParsedEntity user : users) {
            String email = ImportMessages.text(ImportMessages.profile(user.entity()).get("email"));
            if (email != null) {
                emails.add(email.toLowerCase(Locale.ROOT));
            }
        }
        return emails;
    }
}
