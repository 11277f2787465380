package engawa.portal.people;

import engawa.db.people.PeopleBatch;
import engawa.db.people.User;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams, accounts and memberships in bulk, for a catalog import of thousands of Backstage Groups
 * and Users, in the importer's transaction, with people's own rules for names and addresses. The
 * importer has checked that the caller is an admin.
 */
@Component
public class PeopleImport {

    private static final Pattern USERNAME = Pattern.compile(User.USERNAME_PATTERN);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private final PeopleBatch batch;

    PeopleImport(PeopleBatch batch) {
        this.batch = batch;
    }

    /** A team as an import compares it. */
    public record Team(long id, String slug, String name, String description, Long parentId) {
    }

    /** An account as an import needs it. */
    public record Account(long id, String username, String displayName, String email) {
    }

    public record NewTeam(String slug, String name, String description) {
    }

    public record NewAccount(String username, String displayName, String email) {
    }

    /** A username as people's rules take it (lower case), or empty with the reason in {@link #usernameRule()}. */
    public static Optional<String> username(String name) {
        String username = name.toLowerCase(Locale.ROOT);
        return username.length() <= User.USERNAME_MAX_LENGTH && USERNAME.matcher(username).matches()
                ? Optional.of(username) : Optional.empty();
    }

    public static String usernameRule() {
        return "use lower-case letters, digits, dots, hyphens and underscores, at most " + User.USERNAME_MAX_LENGTH
                + " characters";
    }

    public static boolean isEmail(String text) {
        return text.length() <= User.EMAIL_MAX_LENGTH && EMAIL.matcher(text).matches();
    }

    /**
     * A team's short name from a Backstage Group's name (Backstage compares names regardless of
     * case): lower case, with {@code _} and {@code .} as hyphens; empty when it cannot be one.
     */
    public static Optional<String> teamSlug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replace('_', '-').replace('.', '-');
        return slug.length() <= engawa.db.people.Team.SLUG_MAX_LENGTH && slug.matches(engawa.db.people.Team.SLUG_PATTERN)
                ? Optional.of(slug) : Optional.empty();
    }

    /** A short name to suggest for one that cannot be used: "Team A" becomes {@code team-a}. */
    public static String suggestedSlug(String name) {
        String slug = engawa.portal.shared.Slugs.from(name, engawa.db.people.Team.SLUG_MAX_LENGTH);
        return slug.isEmpty() ? "team-a" : slug;
    }

    public static final int TEAM_NAME_MAX_LENGTH = engawa.db.people.Team.NAME_MAX_LENGTH;
    public static final int TEAM_DESCRIPTION_MAX_LENGTH = engawa.db.people.Team.DESCRIPTION_MAX_LENGTH;

    /** A display name cut to what an account keeps. */
    public static String displayName(String name) {
        return name.length() > User.DISPLAY_NAME_MAX_LENGTH ? name.substring(0, User.DISPLAY_NAME_MAX_LENGTH) : name;
    }

    /** Every team by slug: a company has thousands at most. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Team> teams() {
        return batch.teams().values().stream().collect(Collectors.toMap(PeopleBatch.TeamRow::slug,
                t -> new Team(t.id(), t.slug(), t.name(), t.description(), t.parentId())));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Account> accounts(Collection<String> usernames) {
        return batch.users(usernames).values().stream().collect(Collectors.toMap(PeopleBatch.UserRow::username,
                u -> new Account(u.id(), u.username(), u.displayName(), u.email())));
    }

    /** Which of these e-mail addresses an account already has, lower case. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> emailsInUse(Collection<String> emails) {
        return batch.emailsInUse(emails);
    }

    /** @return the new teams' ids by slug */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Long> insertTeams(List<NewTeam> teams, Instant at) {
        return batch.insertTeams(teams.stream().map(t -> new PeopleBatch.NewTeam(t.slug(), t.name(), t.description()))
                .toList(), at);
    }

    /** New names and descriptions, by team id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void updateTeams(Map<Long, NewTeam> teams) {
        batch.updateTeams(teams.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> new PeopleBatch.NewTeam(e.getValue().slug(), e.getValue().name(), e.getValue().description()))));
    }

    /** Parent team by team id; a null parent makes a team top-level. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void setParents(Map<Long, Long> parents) {
        batch.setParents(parents);
    }

    /** Accounts that sign in through single sign-on only (no password), as members. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Long> insertAccounts(List<NewAccount> accounts, Instant at) {
        return batch.insertAccounts(accounts.stream()
                .map(a -> new PeopleBatch.NewAccount(a.username(), a.displayName(), a.email())).toList(), at);
    }

    /** Memberships (team id, user id); existing ones stay as they are. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addMemberships(List<long[]> memberships, Instant at) {
        batch.addMemberships(memberships, at);
    }
}
