package engawa.portal.catalog;

import engawa.db.catalog.CatalogEntities;
import engawa.db.catalog.CatalogPending;
import engawa.db.catalog.CatalogRelations;
import engawa.db.catalog.CatalogServices;
import engawa.db.catalog.EntityRow;
import engawa.db.catalog.EntityValues;
import engawa.db.catalog.Lifecycle;
import engawa.db.catalog.Relation;
import engawa.db.catalog.ServiceChanges;
import engawa.db.catalog.ServiceRow;
import engawa.db.catalog.ServiceValues;
import engawa.db.people.PeopleBatch;
import engawa.db.people.Team;
import engawa.portal.catalog.ImportReport.Action;
import engawa.portal.catalog.ImportReport.Item;
import engawa.portal.catalog.ImportReport.KindCount;
import engawa.portal.catalog.backstage.BackstageEntity;
import engawa.portal.catalog.backstage.CatalogInfoParser;
import engawa.portal.catalog.backstage.EntityRef;
import engawa.portal.catalog.backstage.ImportProblem;
import engawa.portal.catalog.backstage.OpsLinks;
import engawa.portal.catalog.backstage.ParsedEntity;
import engawa.portal.catalog.backstage.ParsedLocation;
import engawa.portal.catalog.backstage.SkippedDocument;
import engawa.portal.people.Callers;
import engawa.portal.people.Callers.Caller;
import engawa.portal.shared.FieldPaths;
import engawa.portal.shared.Translations;
import engawa.portal.shared.UserFacingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports Backstage {@code catalog-info.yaml} files: Groups become teams (with their parents),
 * Users accounts that sign in through single sign-on (with their memberships), Components
 * services, and System, Domain, Resource and API the entities services refer to. Upserts by kind,
 * namespace and name. Everything that can be taken is written in one transaction, so an import is
 * all there or not at all; every document that cannot be taken is reported with its file,
 * document number, reference and a reason that says how to fix it. A dry run says the same
 * without writing. Admins import everything; members import what their teams own, never teams
 * or people.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class CatalogImport {

    /** Larger files are refused before reading: about 50,000 services at once. */
    public static final int MAX_BYTES = 25 * 1024 * 1024;
    /** One import at a time per database, so two cannot interleave their writes. */
    private static final long IMPORT_LOCK = 0x636174616c6f67L;
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]*$");
    private static final int USERNAME_MAX_LENGTH = 64;
    private static final int CHUNK = 250;

    public record SourceFile(String name, String text) {

        /** The file's bytes as text; refused when empty or not UTF-8, with what to do about it. */
        public static SourceFile decode(String name, byte[] bytes) {
            if (bytes.length == 0) {
                throw UserFacingException.invalid("catalog.import.empty");
            }
            try {
                return new SourceFile(name, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString());
            } catch (CharacterCodingException e) {
                throw UserFacingException.invalid("catalog.import.notText");
            }
        }
    }

    public enum Step {
        READING, CHECKING, WRITING
    }

    /** Told how far an import is; called from the importing thread. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (step, done, total) -> {
        };

        void at(Step step, int done, int total);
    }

    private final CatalogInfoParser parser = new CatalogInfoParser();
    private final CatalogServices services;
    private final CatalogRelations relations;
    private final CatalogEntities entities;
    private final CatalogPending pending;
    private final ServiceChanges changes;
    private final PeopleBatch people;
    private final CatalogService catalog;
    private final ServiceEvents events;
    private final CatalogJson json;
    private final JsonMapper jsonMapper;
    private final Validator validator;
    private final Callers callers;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CatalogImport(CatalogServices services, CatalogRelations relations, CatalogEntities entities, CatalogPending pending,
            ServiceChanges changes,
            PeopleBatch people, CatalogService catalog, ServiceEvents events, CatalogJson json, JsonMapper jsonMapper,
            Validator validator, Callers callers, JdbcTemplate jdbc, Clock clock) {
        this.services = services;
        this.relations = relations;
        this.entities = entities;
        this.pending = pending;
        this.changes = changes;
        this.people = people;
        this.catalog = catalog;
        this.events = events;
        this.json = json;
        this.jsonMapper = jsonMapper;
        this.validator = validator;
        this.callers = callers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Reads the files document by document and checks and writes them a batch at a time, in one
     * transaction: a catalog of any size needs the memory of one batch, and is there whole or not at
     * all. References to what is not here yet are kept as pending and resolved at the end, so the
     * files may come in any order. A dry run does all of it and then rolls it back, so its report is
     * exactly what the import would do.
     */
    @Transactional
    public ImportReport run(List<SourceFile> files, boolean dryRun, Progress progress) {
        long started = System.nanoTime();
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, IMPORT_LOCK);
        Caller caller = callers.current();
        ImportTally tally = new ImportTally();
        Batches batches = new Batches(caller, tally, progress,
                files.stream().mapToInt(f -> CatalogUploads.documentsIn(f.text())).sum());
        progress.at(Step.READING, 0, batches.documents);
        for (SourceFile file : files) {
            tally.file(file.name());
            parser.parse(file.name(), file.text(), batches);
        }
        batches.flush();
        CatalogUploads.follow(batches.locations, files.stream().map(SourceFile::name).toList()).forEach(tally::location);
        progress.at(Step.CHECKING, batches.documents, batches.documents);
        resolvePending(caller, clock.instant());
        ImportReport report = tally.report(dryRun, stillPending(tally.pending()), (System.nanoTime() - started) / 1_000_000);
        if (dryRun) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
        return report;
    }

    /**
     * Every team, read once per import and again only after a batch wrote teams: most batches hold
     * services only, and reading 2,000 teams for each of them doubled the time of a large import.
     */
    private final class TeamDirectory {
        private Map<String, PeopleBatch.TeamRow> teams;

        Map<String, PeopleBatch.TeamRow> get() {
            if (teams == null) {
                teams = people.teams();
            }
            return teams;
        }

        void changed() {
            teams = null;
        }
    }

    /** Takes the parser's documents and checks and writes them {@value #CHUNK} at a time. */
    private final class Batches implements CatalogInfoParser.Sink {
        private final Caller caller;
        private final ImportTally tally;
        private final Progress progress;
        /** About how many documents the files hold, for the progress bar. */
        final int documents;
        final List<ParsedLocation> locations = new ArrayList<>();
        private final List<ParsedEntity> batch = new ArrayList<>();
        private final TeamDirectory teams = new TeamDirectory();
        private int read;

        Batches(Caller caller, ImportTally tally, Progress progress, int documents) {
            this.caller = caller;
            this.tally = tally;
            this.progress = progress;
            this.documents = documents;
        }

        @Override
        public void entity(ParsedEntity entity) {
            read++;
            batch.add(entity);
            if (batch.size() == CHUNK) {
                flush();
            }
        }

        @Override
        public void problem(ImportProblem problem) {
            read++;
            tally.problem(problem);
        }

        @Override
        public void location(ParsedLocation location) {
            read++;
            locations.add(location);
        }

        @Override
        public void skipped(SkippedDocument skipped) {
            read++;
            tally.skipped(skipped);
        }

        void flush() {
            if (!batch.isEmpty()) {
                Plan plan = new Plan(caller, tally, teams);
                plan.check(batch);
                plan.write(clock.instant());
                batch.clear();
                progress.at(Step.WRITING, Math.min(read, documents), documents);
            }
        }
    }

    /**
     * Everything that was waiting for what this import brought: owners, parents, memberships.
     * A parent that would put a team inside itself stays pending (and is reported).
     */
    private void resolvePending(Caller caller, Instant at) {
        Map<String, PeopleBatch.TeamRow> teams = people.teams();
        Map<Long, Long> parentOf = new HashMap<>();
        teams.values().forEach(t -> parentOf.put(t.id(), t.parentId()));
        Map<Long, Long> arrived = new HashMap<>();
        for (long[] teamAndParent : pending.arrivedParents()) {
            long team = teamAndParent[0];
            long parent = teamAndParent[1];
            Long above = parent;
            Set<Long> path = new HashSet<>();
            while (above != null && above != team && path.add(above)) {
                above = parentOf.get(above);
            }
            if (above == null) { // the chain of parents ends without meeting the team: no circle
                parentOf.put(team, parent);
                arrived.put(team, parent);
            }
        }
        people.setParents(arrived);
        pending.stopWaitingForParents(arrived.keySet());
        pending.resolveMemberships(at);
        List<CatalogPending.ResolvedOwner> owners = pending.resolveServiceOwners(at);
        for (int from = 0; from < owners.size(); from += CHUNK) {
            ownersArrived(owners.subList(from, Math.min(owners.size(), from + CHUNK)), caller, at);
        }
        pending.resolveEntityOwners(at);
    }

    /** Services whose owner arrived: a history entry and a {@code service.updated} each, as for any imported change. */
    private void ownersArrived(List<CatalogPending.ResolvedOwner> owners, Caller caller, Instant at) {
        Map<Long, Map<String, FieldChange>> changed = new HashMap<>();
        List<ServiceChanges.NewChange> history = new ArrayList<>();
        for (CatalogPending.ResolvedOwner o : owners) {
            // Engawa knew no owner before: the history reads "owner: (empty) → team-a"
            Map<String, FieldChange> change = Map.of("owner", new FieldChange("", o.ownerRef()));
            changed.put(o.serviceId(), change);
            history.add(new ServiceChanges.NewChange(o.serviceId(), o.version(), caller.username(),
                    ServiceChanges.Action.IMPORTED, json.write(change)));
        }
        changes.appendAll(history, at);
        Map<String, ServiceRow> rows = services.findByNames(owners.stream().map(CatalogPending.ResolvedOwner::name).toList(),
                false);
        Map<Long, Map<Relation, List<String>>> refs = relations.of(rows.values().stream().map(ServiceRow::id).toList());
        events.updatedEntries(rows.values().stream().map(row -> Map.entry(
                CatalogEntries.of(row, refs.getOrDefault(row.id(), Map.of()), json), changed.get(row.id()))).toList(),
                caller.username());
    }

    /** Which of the references this import kept for later are still open now that it is done. */
    private java.util.function.Predicate<ImportReport.Unresolved> stillPending(List<ImportReport.Unresolved> kept) {
        Set<String> services = new HashSet<>();
        Set<String> entityRefs = new HashSet<>();
        Set<String> usernames = new HashSet<>();
        for (ImportReport.Unresolved u : kept) {
            String ref = u.entityRef().toLowerCase(Locale.ROOT);
            if (ref.startsWith("component:")) {
                services.add(ref.substring(ref.indexOf('/') + 1));
            } else if (!ref.startsWith("group:") && !ref.startsWith("user:")) {
                entityRefs.add(ref);
            }
            if (u.field().equals("memberOf") || u.field().equals("members")) {
                usernames.add(u.field().equals("memberOf") ? ref.substring(ref.indexOf('/') + 1) : u.target());
            }
        }
        Map<String, String> waitingServices = pending.servicesWaiting(services);
        Map<String, String> waitingEntities = pending.entitiesWaiting(entityRefs);
        Set<String> waitingTeams = new HashSet<>();
        pending.teamsStillWaiting(Integer.MAX_VALUE).forEach(t -> waitingTeams.add(t.teamSlug()));
        Set<String> waitingMemberships = pending.membershipsWaiting(usernames);
        return u -> {
            String ref = u.entityRef().toLowerCase(Locale.ROOT);
            String name = ref.substring(ref.indexOf('/') + 1);
            return switch (u.field()) {
                case "owner" -> ref.startsWith("component:") ? waitingServices.containsKey(name)
                        : waitingEntities.containsKey(ref);
                case "parent" -> teamSlug(name).map(waitingTeams::contains).orElse(false);
                case "memberOf" -> waitingMemberships.contains(u.target() + "/" + name);
                case "members" -> teamSlug(name).map(slug -> waitingMemberships.contains(slug + "/" + u.target()))
                        .orElse(false);
                default -> true;
            };
        };
    }

    /** Everything an import decides, then writes. One per run; not shared between threads. */
    private final class Plan implements OwnerDirectory {

        private final Caller caller;
        private final ImportTally tally;

        private Map<String, PeopleBatch.TeamRow> existingTeams;
        private final Map<Long, String> existingTeamSlugs = new HashMap<>();
        private final Map<String, PlannedTeam> teams = new LinkedHashMap<>();
        private Map<String, PeopleBatch.UserRow> existingUsers = Map.of();
        private final Map<String, PlannedUser> users = new LinkedHashMap<>();
        private Map<Long, String> waitingParents = Map.of();
        private final List<String[]> memberships = new ArrayList<>();
        private final List<EntityValues> entityWrites = new ArrayList<>();
        private final List<PlannedService> serviceWrites = new ArrayList<>();
        private long nextTemporaryId = -1;
        private final Map<Long, String> temporaryTeams = new HashMap<>();
        private final Map<Long, String> temporaryUsers = new HashMap<>();

        private final TeamDirectory teamDirectory;

        Plan(Caller caller, ImportTally tally, TeamDirectory teamDirectory) {
            this.caller = caller;
            this.tally = tally;
            this.teamDirectory = teamDirectory;
        }

        void check(List<ParsedEntity> parsed) {
            List<ParsedEntity> unique = new ArrayList<>();
            for (ParsedEntity entity : parsed) {
                ImportTally.Seen earlier = tally.seen.putIfAbsent(entity.entity().ref().toString().toLowerCase(Locale.ROOT),
                        new ImportTally.Seen(entity.file(), entity.documentIndex(), entity.entity().hashCode()));
                if (earlier == null) {
                    unique.add(entity);
                } else if (earlier.hash() == entity.entity().hashCode()) {
                    // catalog repositories often hold one file twice (a copy beside its folder): read once
                    tally.skipped(new SkippedDocument(entity.file(), entity.documentIndex(), entity.entity().ref().toString(),
                            "The same entity as in " + earlier.file() + " #" + earlier.documentIndex() + ", so it was read once."));
                } else {
                    problem(entity, "A different entity with this kind, namespace and name came earlier in the import, in "
                            + earlier.file() + " #" + earlier.documentIndex() + "; that one is taken. Remove or rename one.");
                }
            }
            existingTeams = teamDirectory.get();
            existingTeams.values().forEach(t -> existingTeamSlugs.put(t.id(), t.slug()));
            if (unique.stream().anyMatch(e -> e.entity().kind().equals("Group"))) {
                waitingParents = pending.waitingParents();
            }
            existingUsers = people.users(usernamesMentioned(unique));
            checkGroups(ofKind(unique, "Group"));
            checkUsers(ofKind(unique, "User"));
            List<ParsedEntity> others = new ArrayList<>();
            for (String kind : List.of("Domain", "System", "Resource", "API")) {
                others.addAll(ofKind(unique, kind));
            }
            checkEntities(others);
            checkServices(ofKind(unique, "Component"));
        }

        // ---- Groups and Users: teams and people, for admins only

        private void checkGroups(List<ParsedEntity> groups) {
            for (ParsedEntity group : groups) {
                if (!mayImportPeople(group)) {
                    continue;
                }
                BackstageEntity e = group.entity();
                Optional<String> slug = teamSlug(e.name());
                if (slug.isEmpty()) {
                    problem(group, "The name \"" + e.name() + "\" cannot be a team's short name: use lower-case letters"
                            + " and digits joined by single hyphens (for example " + suggestedSlug(e.name()) + ").");
                    continue;
                }
                String name = firstText(profile(e).get("displayName"), e.title(), e.name());
                if (name.length() > Team.NAME_MAX_LENGTH) {
                    problem(group, "The team's name is longer than " + Team.NAME_MAX_LENGTH + " characters; shorten"
                            + " spec.profile.displayName or metadata.title.");
                    continue;
                }
                if (e.description() != null && e.description().length() > Team.DESCRIPTION_MAX_LENGTH) {
                    problem(group, "The description is longer than " + Team.DESCRIPTION_MAX_LENGTH + " characters; shorten it.");
                    continue;
                }
                String parent = e.specText("parent") == null ? null : EntityRef.parse(e.specText("parent"), "group",
                        e.namespace()).flatMap(ref -> teamSlug(ref.name())).orElse(null);
                if (e.specText("parent") != null && parent == null) {
                    problem(group, "spec.parent \"" + e.specText("parent") + "\" is not a group reference (write team-a"
                            + " or group:default/team-a).");
                    continue;
                }
                if (teams.containsKey(slug.get())) {
                    problem(group, "Another Group in this import becomes the same team \"" + slug.get() + "\".");
                    continue;
                }
                PlannedTeam team = new PlannedTeam(group, slug.get(), name, e.description(), parent,
                        existingTeams.get(slug.get()));
                teams.put(team.slug, team);
                for (String member : e.specList("members")) {
                    EntityRef.parse(member, "user", e.namespace())
                            .ifPresent(ref -> memberships.add(new String[] {team.slug, ref.name().toLowerCase(Locale.ROOT), null}));
                }
            }
            waitForParentsNotHere();
            dropParentCycles();
            for (PlannedTeam team : teams.values()) {
                team.temporaryId = team.existing == null ? temporaryTeam(team.slug) : team.existing.id();
                Action action;
                List<String> changed = new ArrayList<>();
                if (team.existing == null) {
                    action = Action.CREATE;
                } else {
                    if (!team.name.equals(team.existing.name())) {
                        changed.add("name");
                    }
                    if (!Objects.equals(team.description, team.existing.description())) {
                        changed.add("description");
                    }
                    String currentParent = team.existing.parentId() == null ? waitingParents.get(team.existing.id())
                            : existingTeamSlugs.get(team.existing.parentId());
                    if (!Objects.equals(team.parent != null ? team.parent : team.pendingParent, currentParent)) {
                        changed.add("parent");
                    }
                    action = changed.isEmpty() ? Action.UNCHANGED : Action.UPDATE;
                }
                team.action = action;
                tally.count(team.source, action, changed);
            }
        }

        /** A parent that is neither in this batch nor in Engawa is kept for later: the team is taken without it. */
        private void waitForParentsNotHere() {
            for (PlannedTeam team : teams.values()) {
                if (team.parent != null && !teams.containsKey(team.parent) && !existingTeams.containsKey(team.parent)) {
                    team.pendingParent = team.parent;
                    team.parent = null;
                    tally.pending(team.source, "parent", team.pendingParent, "The parent team " + team.pendingParent
                            + " is not in Engawa yet. The team was taken without it and moves below "
                            + team.pendingParent + " when its Group is imported.");
                }
            }
        }

        private void dropParentCycles() {
            for (PlannedTeam team : List.copyOf(teams.values())) {
                Set<String> path = new HashSet<>();
                String at = team.slug;
                while (at != null && path.add(at)) {
                    at = parentOf(at);
                }
                if (at != null && at.equals(team.slug)) {
                    teams.remove(team.slug);
                    problem(team.source, "spec.parent makes a circle: " + String.join(" → ", path) + " → " + team.slug
                            + ". A team cannot be inside itself; change one of the parents.");
                }
            }
        }

        private String parentOf(String slug) {
            PlannedTeam planned = teams.get(slug);
            if (planned != null) {
                return planned.parent;
            }
            PeopleBatch.TeamRow existing = existingTeams.get(slug);
            return existing == null || existing.parentId() == null ? null : existingTeamSlugs.get(existing.parentId());
        }

        private void checkUsers(List<ParsedEntity> userEntities) {
            Set<String> emails = new HashSet<>();
            for (ParsedEntity user : userEntities) {
                String email = text(profile(user.entity()).get("email"));
                if (email != null) {
                    emails.add(email.toLowerCase(Locale.ROOT));
                }
            }
            Set<String> emailsInUse = new HashSet<>(people.emailsInUse(emails));
            for (ParsedEntity user : userEntities) {
                if (!mayImportPeople(user)) {
                    continue;
                }
                BackstageEntity e = user.entity();
                String username = e.name().toLowerCase(Locale.ROOT);
                if (username.length() > USERNAME_MAX_LENGTH || !USERNAME.matcher(username).matches()) {
                    problem(user, "The name \"" + e.name() + "\" cannot be a username: use lower-case letters, digits,"
                            + " dots, hyphens and underscores (for example " + suggestedSlug(e.name()) + ").");
                    continue;
                }
                if (users.containsKey(username)) {
                    problem(user, "Another User in this import becomes the same account \"" + username + "\" (Engawa"
                            + " has one namespace for people). Remove or rename one of them.");
                    continue;
                }
                PeopleBatch.UserRow existing = existingUsers.get(username);
                String displayName = firstText(profile(e).get("displayName"), e.title(), e.name());
                String email = text(profile(e).get("email"));
                if (existing == null && email != null && emailsInUse.contains(email.toLowerCase(Locale.ROOT))) {
                    problem(user, "The e-mail address " + email + " belongs to another account in Engawa. Use that"
                            + " account's username as the User's name, or change the address.");
                    continue;
                }
                if (existing == null && email != null && (email.length() > 254 || !email.matches("^[^@\\s]+@[^@\\s]+$"))) {
                    problem(user, "spec.profile.email \"" + email + "\" is not an e-mail address.");
                    continue;
                }
                if (displayName.length() > 120) {
                    displayName = displayName.substring(0, 120);
                }
                PlannedUser planned = new PlannedUser(user, username, displayName, email, existing);
                planned.id = existing == null ? temporaryUser(username) : existing.id();
                if (existing == null && email != null) {
                    emailsInUse.add(email.toLowerCase(Locale.ROOT));
                }
                users.put(username, planned);
                for (String group : e.specList("memberOf")) {
                    EntityRef.parse(group, "group", e.namespace()).flatMap(ref -> teamSlug(ref.name()))
                            .ifPresent(slug -> memberships.add(new String[] {slug, username, user.file() + "#" + user.documentIndex()}));
                }
                // an existing person's name and address are theirs to keep: the import adds memberships only
                tally.count(user, existing == null ? Action.CREATE : Action.UNCHANGED, List.of());
            }
        }

        private boolean mayImportPeople(ParsedEntity entity) {
            if (caller.admin()) {
                return true;
            }
            problem(entity, "Only admins import teams (Group) and people (User). Leave them out, or ask an Engawa admin"
                    + " to import the file.");
            return false;
        }

        // ---- System, Domain, Resource, API

        private void checkEntities(List<ParsedEntity> others) {
            Map<String, EntityRow> existing = entities.findByRefs(others.stream()
                    .map(e -> e.entity().ref().toString().toLowerCase(Locale.ROOT)).toList());
            for (ParsedEntity parsed : others) {
                BackstageEntity e = parsed.entity();
                Optional<Owner> owner = DraftChecks.findOwner(e.specText("owner"), this);
                if (owner.isEmpty()) {
                    problem(parsed, unknownOwner(e.specText("owner")));
                    continue;
                }
                String ref = e.ref().toString().toLowerCase(Locale.ROOT);
                EntityRow current = existing.get(ref);
                if (!caller.admin() && (!mayOwn(owner.get())
                        || (current != null && !catalog.mayEditOwnedBy(caller, current.ownerTeamId(), current.ownerUserId())))) {
                    problem(parsed, notYours(current == null ? owner.get().name()
                            : Objects.requireNonNullElse(current.ownerTeamSlug(), current.ownerUsername())));
                    continue;
                }
                String kind = e.kind().toLowerCase(Locale.ROOT);
                String parentField = kind.equals("system") ? "domain" : "system";
                String parentKind = kind.equals("system") ? "domain" : "system";
                String parentRef = kind.equals("domain") || e.specText(parentField) == null ? null
                        : Refs.normalise(e.specText(parentField), parentKind, Set.of(parentKind)).orElse(null);
                Map<String, Object> spec = new LinkedHashMap<>(e.spec());
                List.of("owner", "type", "lifecycle", "system", "domain").forEach(spec::remove);
                if (owner.get().kind() == Owner.Kind.PENDING) {
                    notePendingOwner(parsed, owner.get());
                }
                EntityValues values = new EntityValues(kind, e.namespace(), e.name(), e.title(), e.description(),
                        e.specText("type"), e.specText("lifecycle"),
                        owner.get().kind() == Owner.Kind.TEAM ? owner.get().id() : null,
                        owner.get().kind() == Owner.Kind.PERSON ? owner.get().id() : null,
                        owner.get().kind() == Owner.Kind.PENDING ? owner.get().key() : null, parentRef, e.tags(),
                        json.write(links(e)), json.write(e.annotations()), jsonMapper.writeValueAsString(spec));
                Action action = current == null ? Action.CREATE : sameEntity(current.values(), values) ? Action.UNCHANGED
                        : Action.UPDATE;
                if (action != Action.UNCHANGED) {
                    entityWrites.add(values);
                }
                tally.count(parsed, action, List.of());
            }
        }

        private boolean sameEntity(EntityValues a, EntityValues b) {
            return Objects.equals(a.title(), b.title()) && Objects.equals(a.description(), b.description())
                    && Objects.equals(a.type(), b.type()) && Objects.equals(a.lifecycle(), b.lifecycle())
                    && Objects.equals(a.ownerTeamId(), b.ownerTeamId()) && Objects.equals(a.ownerUserId(), b.ownerUserId())
                    && Objects.equals(a.ownerPending(), b.ownerPending())
                    && Objects.equals(a.parentRef(), b.parentRef()) && a.tags().equals(b.tags()) && a.name().equals(b.name())
                    && sameJson(a.linksJson(), b.linksJson()) && sameJson(a.annotationsJson(), b.annotationsJson())
                    && sameJson(a.specJson(), b.specJson());
        }

        private boolean sameJson(String a, String b) {
            return jsonMapper.readTree(a == null ? "null" : a).equals(jsonMapper.readTree(b == null ? "null" : b));
        }

        // ---- Components: the services

        private void checkServices(List<ParsedEntity> components) {
            Map<String, ServiceRow> existing = services.findByNames(components.stream().map(c -> c.entity().name()).toList(),
                    true);
            Map<Long, Map<Relation, List<String>>> existingRelations = relations.of(
                    existing.values().stream().map(ServiceRow::id).toList());
            for (ParsedEntity component : components) {
                checkService(component, existing, existingRelations);
            }
        }

        private void checkService(ParsedEntity component, Map<String, ServiceRow> existing,
                Map<Long, Map<Relation, List<String>>> existingRelations) {
            BackstageEntity e = component.entity();
            if (DraftChecks.findOwner(e.specText("owner"), this).isEmpty()) {
                problem(component, unknownOwner(e.specText("owner")));
                return;
            }
            Optional<Lifecycle> lifecycle = Lifecycle.parse(e.specText("lifecycle"));
            if (lifecycle.isEmpty()) {
                problem(component, "spec.lifecycle \"" + e.specText("lifecycle") + "\" is not one Engawa knows: write"
                        + " experimental, production or deprecated.");
                return;
            }
            OpsLinks.Sorted links = OpsLinks.sort(e.links().stream()
                    .map(l -> new OpsLinks.Link(l.url(), l.title(), l.type(), l.icon())).toList(), e.annotations());
            String system = e.specText("system") == null ? null
                    : EntityRef.parse(e.specText("system"), "system", e.namespace()).map(EntityRef::name).orElse(e.specText("system"));
            ServiceDraft draft = new ServiceDraft(e.name(), e.title(), e.description(), e.specText("type"), lifecycle.get(),
                    tier(e), e.specText("owner"), system, e.tags(),
                    links.otherLinks().stream().map(l -> new ServiceLink(l.url(), l.title())).toList(), links.opsLinks(),
                    e.specList("dependsOn"), e.specList("providesApis"), e.specList("consumesApis"));
            Set<ConstraintViolation<ServiceDraft>> violations = validator.validate(draft);
            if (!violations.isEmpty()) {
                problem(component, violations.stream().sorted(Comparator.comparing(v -> FieldPaths.below(v)))
                        .map(v -> fieldName(FieldPaths.below(v)) + ": " + english(v.getMessage()))
                        .collect(Collectors.joining("; ")));
                return;
            }
            ResolvedDraft resolved;
            try {
                resolved = DraftChecks.resolve(draft, e.namespace(), this);
            } catch (UserFacingException refusal) {
                problem(component, refusal.fieldProblems().stream()
                        .map(p -> fieldName(p.field()) + ": " + p.messageIn(Translations.ENGLISH))
                        .collect(Collectors.joining("; ")));
                return;
            }
            ServiceRow current = existing.get(e.name().toLowerCase(Locale.ROOT));
            if (current != null && !current.namespace().equals(e.namespace())) {
                problem(component, "A service named " + current.name() + " is already in the catalog, in namespace "
                        + current.namespace() + ". Service names are unique across namespaces in Engawa; rename one.");
                return;
            }
            if (!caller.admin() && (!mayOwn(resolved.owner()) || (current != null && !catalog.mayEdit(caller, current)))) {
                problem(component, notYours(current == null ? resolved.owner().name() : CatalogService.ownerOf(current).name()));
                return;
            }
            if (resolved.owner().kind() == Owner.Kind.PENDING) {
                notePendingOwner(component, resolved.owner());
            }
            String annotations = json.write(e.annotations());
            if (current == null) {
                serviceWrites.add(new PlannedService(component, resolved, annotations, null, ChangeSet.between(null,
                        CatalogService.canonical(resolved))));
                tally.count(component, Action.CREATE, List.of());
                return;
            }
            CatalogEntry entry = CatalogEntries.of(current, existingRelations.getOrDefault(current.id(), Map.of()), json);
            Map<String, FieldChange> changed = new LinkedHashMap<>(ChangeSet.between(CatalogService.canonical(entry),
                    CatalogService.canonical(resolved)));
            if (!sameJson(current.annotationsJson(), annotations)) {
                changed.put("annotations", new FieldChange("", ""));
            }
            if (changed.isEmpty()) {
                tally.count(component, Action.UNCHANGED, List.of());
                return;
            }
            serviceWrites.add(new PlannedService(component, resolved, annotations, current, changed));
            tally.count(component, Action.UPDATE, List.copyOf(changed.keySet()));
        }

        /** Backstage has no tier; Engawa writes it as the label engawa.dev/tier and reads common spellings. */
        private Integer tier(BackstageEntity e) {
            for (String text : new String[] {e.labels().get("engawa.dev/tier"), e.labels().get("tier"),
                    e.annotations().get("engawa.dev/tier")}) {
                if (text != null) {
                    String digits = text.replaceAll("[^0-9]", "");
                    if (digits.length() == 1 && digits.charAt(0) >= '1' && digits.charAt(0) <= '4') {
                        return digits.charAt(0) - '0';
                    }
                }
            }
            return null;
        }

        private boolean mayOwn(Owner owner) {
            return catalog.mayEditOwnedBy(caller, owner.kind() == Owner.Kind.TEAM && owner.id() > 0 ? owner.id() : null,
                    owner.kind() == Owner.Kind.PERSON ? owner.id() : null) && owner.id() > 0;
        }

        private String notYours(String owner) {
            return "This belongs to " + owner + ", and you may import only what your own teams own. Ask a member of "
                    + owner + " or an Engawa admin.";
        }

        private String unknownOwner(String owner) {
            if (owner != null && owner.contains("@")) {
                return "spec.owner \"" + owner + "\" is an e-mail address. An owner is a team (group:name) or a person"
                        + " (user:name): write the owning team's name.";
            }
            return "spec.owner \"" + owner + "\" is neither a team nor a person in Engawa, nor a Group or User in this"
                    + " import. Import its Group, or correct the owner.";
        }

        // ---- the directory of owners: what exists plus what this import creates

        @Override
        public Optional<Owner> team(String slug) {
            PlannedTeam planned = teams.get(slug);
            if (planned != null) {
                return Optional.of(new Owner(Owner.Kind.TEAM, planned.temporaryId != 0 ? planned.temporaryId
                        : planned.existing != null ? planned.existing.id() : temporaryTeam(slug), slug, planned.name));
            }
            PeopleBatch.TeamRow existing = existingTeams.get(slug);
            return existing == null ? Optional.empty()
                    : Optional.of(new Owner(Owner.Kind.TEAM, existing.id(), existing.slug(), existing.name()));
        }

        @Override
        public Optional<Owner> person(String username) {
            PlannedUser planned = users.get(username);
            if (planned != null) {
                return Optional.of(new Owner(Owner.Kind.PERSON, planned.id, username, planned.displayName));
            }
            PeopleBatch.UserRow existing = existingUsers.get(username);
            return existing == null ? Optional.empty()
                    : Optional.of(new Owner(Owner.Kind.PERSON, existing.id(), existing.username(), existing.displayName()));
        }

        /** Admins' imports keep an owner that is not here yet; members may import only what their teams own. */
        @Override
        public Optional<Owner> pending(String kind, String name, boolean bare) {
            return caller.admin() ? Optional.of(Owner.pending(kind, name, bare)) : Optional.empty();
        }

        private void notePendingOwner(ParsedEntity entity, Owner owner) {
            String written = entity.entity().specText("owner");
            tally.pending(entity, "owner", written, written.contains("@")
                    ? "spec.owner \"" + written + "\" is an e-mail address, which no team or person in a catalog is named."
                            + " It was taken without an owner that Engawa knows; write the owning team's name."
                    : "The owner " + owner.name() + " is not in Engawa yet. It was taken, and " + owner.name()
                            + " owns it once its " + (owner.key().startsWith("user:") ? "User" : "Group") + " is imported;"
                            + " until then only admins change it.");
        }

        private long temporaryTeam(String slug) {
            PlannedTeam planned = teams.get(slug);
            if (planned != null && planned.temporaryId != 0) {
                return planned.temporaryId;
            }
            long id = nextTemporaryId--;
            temporaryTeams.put(id, slug);
            if (planned != null) {
                planned.temporaryId = id;
            }
            return id;
        }

        private long temporaryUser(String username) {
            long id = nextTemporaryId--;
            temporaryUsers.put(id, username);
            return id;
        }

        // ---- writing, in one transaction

        void write(Instant at) {
            Map<String, Long> newTeams = writeTeams();
            if (!teams.isEmpty()) {
                teamDirectory.changed();
            }
            Map<String, Long> newUsers = people.insertAccounts(users.values().stream().filter(u -> u.existing == null)
                    .map(u -> new PeopleBatch.NewAccount(u.username, u.displayName, u.email)).toList(), at);
            writeMemberships(newTeams, newUsers, at);
            entities.upsertAll(entityWrites.stream().map(v -> new EntityValues(v.kind(), v.namespace(), v.name(), v.title(),
                    v.description(), v.type(), v.lifecycle(), realTeam(v.ownerTeamId(), newTeams),
                    realUser(v.ownerUserId(), newUsers), v.ownerPending(), v.parentRef(), v.tags(), v.linksJson(), v.annotationsJson(),
                    v.specJson())).toList(), at);
            writeServices(serviceWrites, newTeams, newUsers, at);
        }

        private Map<String, Long> writeTeams() {
            Instant at = clock.instant();
            Map<String, Long> ids = new HashMap<>(people.insertTeams(teams.values().stream().filter(t -> t.action == Action.CREATE)
                    .map(t -> new PeopleBatch.NewTeam(t.slug, t.name, t.description)).toList(), at));
            Map<Long, PeopleBatch.NewTeam> updates = new HashMap<>();
            Map<Long, Long> parents = new HashMap<>();
            for (PlannedTeam team : teams.values()) {
                if (team.action == Action.UPDATE) {
                    updates.put(team.existing.id(), new PeopleBatch.NewTeam(team.slug, team.name, team.description));
                }
            }
            people.updateTeams(updates);
            for (PlannedTeam team : teams.values()) {
                if (team.action == Action.UNCHANGED) {
                    continue;
                }
                long id = team.existing != null ? team.existing.id() : ids.get(team.slug);
                Long parent = team.parent == null ? null
                        : ids.containsKey(team.parent) ? ids.get(team.parent) : existingTeams.get(team.parent).id();
                parents.put(id, parent);
            }
            people.setParents(parents);
            Map<Long, String> nowWaiting = new HashMap<>();
            List<Long> noLongerWaiting = new ArrayList<>();
            for (PlannedTeam team : teams.values()) {
                long id = team.existing != null ? team.existing.id() : ids.get(team.slug);
                if (team.pendingParent != null) {
                    nowWaiting.put(id, team.pendingParent);
                } else if (waitingParents.containsKey(id)) {
                    noLongerWaiting.add(id);
                }
            }
            pending.stopWaitingForParents(noLongerWaiting);
            pending.waitForParents(nowWaiting);
            return ids;
        }

        /** Memberships of which both sides are here now; the others wait for the team or the person. */
        private void writeMemberships(Map<String, Long> newTeams, Map<String, Long> newUsers, Instant at) {
            List<long[]> rows = new ArrayList<>();
            List<String[]> waiting = new ArrayList<>();
            for (String[] m : memberships) {
                Long team = newTeams.containsKey(m[0]) ? newTeams.get(m[0])
                        : existingTeams.containsKey(m[0]) ? existingTeams.get(m[0]).id() : null;
                Long user = newUsers.containsKey(m[1]) ? newUsers.get(m[1])
                        : existingUsers.containsKey(m[1]) ? existingUsers.get(m[1]).id() : null;
                if (team != null && user != null) {
                    rows.add(new long[] {team, user});
                } else {
                    waiting.add(m);
                }
            }
            people.addMemberships(rows, at);
            pending.waitForMemberships(waiting);
            for (String[] m : waiting) {
                boolean ofUser = m[2] != null;
                ParsedEntity source = ofUser ? users.get(m[1]).source : teams.get(m[0]).source;
                tally.pending(source, ofUser ? "memberOf" : "members", ofUser ? m[0] : m[1], ofUser
                        ? "The team " + m[0] + " is not in Engawa yet. The person was taken and joins it when its Group is imported."
                        : "The person " + m[1] + " is not in Engawa yet. They join this team when their User is imported.");
            }
        }

        private void writeServices(List<PlannedService> chunk, Map<String, Long> newTeams, Map<String, Long> newUsers,
                Instant at) {
            List<ServiceValues> inserts = new ArrayList<>();
            Map<Long, ServiceValues> updates = new LinkedHashMap<>();
            for (PlannedService s : chunk) {
                ServiceValues v = catalog.values(s.resolved, s.source.entity().namespace(), s.annotationsJson);
                ServiceValues real = new ServiceValues(v.namespace(), v.name(), v.title(), v.description(), v.type(),
                        v.lifecycle(), v.tier(), realTeam(v.ownerTeamId(), newTeams), realUser(v.ownerUserId(), newUsers),
                        v.ownerPending(), v.systemName(), v.tags(), v.linksJson(), v.annotationsJson(), v.opsLinks());
                if (s.current == null) {
                    inserts.add(real);
                } else {
                    updates.put(s.current.id(), real);
                }
            }
            Map<String, Long> ids = services.insertAll(inserts, at);
            services.updateAll(updates, at);
            Map<Long, Map<Relation, List<String>>> newRefs = new HashMap<>();
            Map<Long, Map<Relation, List<String>>> changedRefs = new HashMap<>();
            List<ServiceChanges.NewChange> history = new ArrayList<>();
            List<ResolvedDraft> created = new ArrayList<>();
            List<Map.Entry<ResolvedDraft, Map<String, FieldChange>>> updated = new ArrayList<>();
            for (PlannedService s : chunk) {
                long id = s.current == null ? ids.get(s.resolved.draft().name().toLowerCase(Locale.ROOT)) : s.current.id();
                long version = s.current == null ? 1 : s.current.version() + 1;
                (s.current == null ? newRefs : changedRefs).put(id, s.resolved.relations());
                history.add(new ServiceChanges.NewChange(id, version, caller.username(), ServiceChanges.Action.IMPORTED,
                        json.write(s.changes)));
                if (s.current == null) {
                    created.add(s.resolved);
                } else {
                    updated.add(Map.entry(s.resolved, s.changes));
                }
            }
            relations.insertAll(newRefs);
            relations.replaceAll(changedRefs);
            changes.appendAll(history, at);
            events.createdAll(created, caller.username());
            events.updatedAll(updated, caller.username());
        }

        private Long realTeam(Long id, Map<String, Long> created) {
            return id == null || id > 0 ? id : created.get(temporaryTeams.get(id));
        }

        private Long realUser(Long id, Map<String, Long> created) {
            return id == null || id > 0 ? id : created.get(temporaryUsers.get(id));
        }

        private void problem(ParsedEntity entity, String reason) {
            tally.problem(new ImportProblem(entity.file(), entity.documentIndex(), entity.entity().ref().toString(), reason));
        }
    }

    private static final class PlannedTeam {
        final ParsedEntity source;
        final String slug;
        final String name;
        final String description;
        String parent;
        String pendingParent;
        final PeopleBatch.TeamRow existing;
        long temporaryId;
        Action action;

        PlannedTeam(ParsedEntity source, String slug, String name, String description, String parent,
                PeopleBatch.TeamRow existing) {
            this.source = source;
            this.slug = slug;
            this.name = name;
            this.description = description;
            this.parent = parent;
            this.existing = existing;
        }
    }

    private static final class PlannedUser {
        final ParsedEntity source;
        final String username;
        final String displayName;
        final String email;
        final PeopleBatch.UserRow existing;
        long id;

        PlannedUser(ParsedEntity source, String username, String displayName, String email, PeopleBatch.UserRow existing) {
            this.source = source;
            this.username = username;
            this.displayName = displayName;
            this.email = email;
            this.existing = existing;
        }
    }

    private record PlannedService(ParsedEntity source, ResolvedDraft resolved, String annotationsJson, ServiceRow current,
            Map<String, FieldChange> changes) {
    }

    private static List<ParsedEntity> ofKind(List<ParsedEntity> entities, String kind) {
        return entities.stream().filter(e -> e.entity().kind().equals(kind)).toList();
    }

    private static Set<String> usernamesMentioned(List<ParsedEntity> entities) {
        Set<String> names = new HashSet<>();
        for (ParsedEntity parsed : entities) {
            BackstageEntity e = parsed.entity();
            if (e.kind().equals("User")) {
                names.add(e.name().toLowerCase(Locale.ROOT));
            }
            Optional.ofNullable(e.specText("owner")).flatMap(o -> EntityRef.parse(o, "group", e.namespace()))
                    .filter(ref -> "user".equals(ref.kind())).ifPresent(ref -> names.add(ref.name().toLowerCase(Locale.ROOT)));
            e.specList("members").forEach(m -> EntityRef.parse(m, "user", e.namespace())
                    .ifPresent(ref -> names.add(ref.name().toLowerCase(Locale.ROOT))));
        }
        return names;
    }

    /** Backstage compares names regardless of case; a team's short name is lower case with hyphens. */
    static Optional<String> teamSlug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replace('_', '-').replace('.', '-');
        return slug.length() <= Team.SLUG_MAX_LENGTH && slug.matches(Team.SLUG_PATTERN) ? Optional.of(slug) : Optional.empty();
    }

    private static String suggestedSlug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "team-a" : slug;
    }

    private static Map<?, ?> profile(BackstageEntity e) {
        return e.spec().get("profile") instanceof Map<?, ?> profile ? profile : Map.of();
    }

    private static List<ServiceLink> links(BackstageEntity e) {
        return e.links().stream().map(l -> new ServiceLink(l.url(), l.title())).toList();
    }

    private static String firstText(Object... values) {
        for (Object value : values) {
            String text = text(value);
            if (text != null) {
                return text;
            }
        }
        return "";
    }

    private static String text(Object value) {
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).strip();
    }

    private static String english(String key) {
        return new UserFacingException(UserFacingException.Kind.INVALID, key).messageIn(Translations.ENGLISH);
    }

    /** The field as a catalog file names it. */
    private static String fieldName(String field) {
        String root = field.replaceAll("[\\[.].*$", "");
        return switch (root) {
            case "name", "title", "description", "tags", "links" -> "metadata." + field;
            case "opsLinks" -> "metadata.links";
            default -> "spec." + field;
        };
    }
}
