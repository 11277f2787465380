package engawa.portal.catalog;

import engawa.db.catalog.CatalogEntities;
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
import engawa.portal.catalog.backstage.ParsedFile;
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
    private static final int CHUNK = 1000;
    private static final List<String> KIND_ORDER = List.of("Group", "User", "Domain", "System", "Resource", "API",
            "Component");

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

    CatalogImport(CatalogServices services, CatalogRelations relations, CatalogEntities entities, ServiceChanges changes,
            PeopleBatch people, CatalogService catalog, ServiceEvents events, CatalogJson json, JsonMapper jsonMapper,
            Validator validator, Callers callers, JdbcTemplate jdbc, Clock clock) {
        this.services = services;
        this.relations = relations;
        this.entities = entities;
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

    @Transactional
    public ImportReport run(List<SourceFile> files, boolean dryRun, Progress progress) {
        long started = System.nanoTime();
        if (!dryRun) {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, IMPORT_LOCK);
        }
        List<ParsedEntity> parsed = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            progress.at(Step.READING, i, files.size());
            ParsedFile file = parser.parse(files.get(i).name(), files.get(i).text());
            parsed.addAll(file.entities());
            problems.addAll(file.problems());
        }
        progress.at(Step.READING, files.size(), files.size());
        Plan plan = new Plan(callers.current(), problems, progress, !dryRun);
        plan.check(parsed);
        if (!dryRun) {
            plan.write(clock.instant());
        }
        return plan.report(dryRun, (System.nanoTime() - started) / 1_000_000);
    }

    /** Everything an import decides, then writes. One per run; not shared between threads. */
    private final class Plan implements OwnerDirectory {

        private final Caller caller;
        private final List<ImportProblem> problems;
        private final Progress progress;
        private final boolean forWriting;
        private final Set<String> seen = new HashSet<>();
        private final List<Item> items = new ArrayList<>();
        private final Map<String, int[]> counts = new HashMap<>();

        private Map<String, PeopleBatch.TeamRow> existingTeams;
        private final Map<Long, String> existingTeamSlugs = new HashMap<>();
        private final Map<String, PlannedTeam> teams = new LinkedHashMap<>();
        private Map<String, PeopleBatch.UserRow> existingUsers = Map.of();
        private final Map<String, PlannedUser> users = new LinkedHashMap<>();
        private final List<String[]> memberships = new ArrayList<>();
        private final List<EntityValues> entityWrites = new ArrayList<>();
        private final List<PlannedService> serviceWrites = new ArrayList<>();
        private long nextTemporaryId = -1;
        private final Map<Long, String> temporaryTeams = new HashMap<>();
        private final Map<Long, String> temporaryUsers = new HashMap<>();

        Plan(Caller caller, List<ImportProblem> problems, Progress progress, boolean forWriting) {
            this.caller = caller;
            this.problems = problems;
            this.progress = progress;
            this.forWriting = forWriting;
        }

        void check(List<ParsedEntity> parsed) {
            List<ParsedEntity> unique = new ArrayList<>();
            for (ParsedEntity entity : parsed) {
                if (seen.add(entity.entity().ref().toString().toLowerCase(Locale.ROOT))) {
                    unique.add(entity);
                } else {
                    problem(entity, "An entity with this kind, namespace and name came earlier in the import;"
                            + " the first one is taken. Remove or rename this one.");
                }
            }
            existingTeams = people.teams();
            existingTeams.values().forEach(t -> existingTeamSlugs.put(t.id(), t.slug()));
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
            dropTeamsWithoutParent();
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
                    String currentParent = team.existing.parentId() == null ? null : existingTeamSlugs.get(team.existing.parentId());
                    if (!Objects.equals(team.parent, currentParent)) {
                        changed.add("parent");
                    }
                    action = changed.isEmpty() ? Action.UNCHANGED : Action.UPDATE;
                }
                team.action = action;
                count(team.source, action, changed);
            }
        }

        private void dropTeamsWithoutParent() {
            boolean dropped = true;
            while (dropped) {
                dropped = false;
                for (PlannedTeam team : List.copyOf(teams.values())) {
                    if (team.parent != null && !teams.containsKey(team.parent) && !existingTeams.containsKey(team.parent)) {
                        teams.remove(team.slug);
                        problem(team.source, "spec.parent \"" + team.parent + "\" is neither a Group in this import nor"
                                + " a team in Engawa. Import its Group too, or create the team first.");
                        dropped = true;
                    }
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
                count(user, existing == null ? Action.CREATE : Action.UNCHANGED, List.of());
            }
            for (String[] membership : memberships) {
                if (team(membership[0]).isEmpty() && membership[2] != null) {
                    PlannedUser user = users.get(membership[1]);
                    if (user != null) {
                        problem(user.source, "Taken without its membership of \"" + membership[0] + "\": that is"
                                + " neither a Group in this import nor a team in Engawa.");
                    }
                }
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
                EntityValues values = new EntityValues(kind, e.namespace(), e.name(), e.title(), e.description(),
                        e.specText("type"), e.specText("lifecycle"),
                        owner.get().kind() == Owner.Kind.TEAM ? owner.get().id() : null,
                        owner.get().kind() == Owner.Kind.PERSON ? owner.get().id() : null, parentRef, e.tags(),
                        json.write(links(e)), json.write(e.annotations()), jsonMapper.writeValueAsString(spec));
                Action action = current == null ? Action.CREATE : sameEntity(current.values(), values) ? Action.UNCHANGED
                        : Action.UPDATE;
                if (action != Action.UNCHANGED) {
                    entityWrites.add(values);
                }
                count(parsed, action, List.of());
            }
        }

        private boolean sameEntity(EntityValues a, EntityValues b) {
            return Objects.equals(a.title(), b.title()) && Objects.equals(a.description(), b.description())
                    && Objects.equals(a.type(), b.type()) && Objects.equals(a.lifecycle(), b.lifecycle())
                    && Objects.equals(a.ownerTeamId(), b.ownerTeamId()) && Objects.equals(a.ownerUserId(), b.ownerUserId())
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
                    forWriting);
            Map<Long, Map<Relation, List<String>>> existingRelations = relations.of(
                    existing.values().stream().map(ServiceRow::id).toList());
            int done = 0;
            for (ParsedEntity component : components) {
                if (++done % 500 == 0) {
                    progress.at(Step.CHECKING, done, components.size());
                }
                checkService(component, existing, existingRelations);
            }
            progress.at(Step.CHECKING, components.size(), components.size());
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
            String annotations = json.write(e.annotations());
            if (current == null) {
                serviceWrites.add(new PlannedService(component, resolved, annotations, null, ChangeSet.between(null,
                        CatalogService.canonical(resolved))));
                count(component, Action.CREATE, List.of());
                return;
            }
            CatalogEntry entry = CatalogEntries.of(current, existingRelations.getOrDefault(current.id(), Map.of()), json);
            Map<String, FieldChange> changed = new LinkedHashMap<>(ChangeSet.between(CatalogService.canonical(entry),
                    CatalogService.canonical(resolved)));
            if (!sameJson(current.annotationsJson(), annotations)) {
                changed.put("annotations", new FieldChange("", ""));
            }
            if (changed.isEmpty()) {
                count(component, Action.UNCHANGED, List.of());
                return;
            }
            serviceWrites.add(new PlannedService(component, resolved, annotations, current, changed));
            count(component, Action.UPDATE, List.copyOf(changed.keySet()));
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
            int total = teams.size() + users.size() + entityWrites.size() + serviceWrites.size();
            progress.at(Step.WRITING, 0, total);
            Map<String, Long> newTeams = writeTeams();
            Map<String, Long> newUsers = people.insertAccounts(users.values().stream().filter(u -> u.existing == null)
                    .map(u -> new PeopleBatch.NewAccount(u.username, u.displayName, u.email)).toList(), at);
            writeMemberships(newTeams, newUsers, at);
            int done = teams.size() + users.size();
            progress.at(Step.WRITING, done, total);
            entities.upsertAll(entityWrites.stream().map(v -> new EntityValues(v.kind(), v.namespace(), v.name(), v.title(),
                    v.description(), v.type(), v.lifecycle(), realTeam(v.ownerTeamId(), newTeams),
                    realUser(v.ownerUserId(), newUsers), v.parentRef(), v.tags(), v.linksJson(), v.annotationsJson(),
                    v.specJson())).toList(), at);
            done += entityWrites.size();
            for (int from = 0; from < serviceWrites.size(); from += CHUNK) {
                List<PlannedService> chunk = serviceWrites.subList(from, Math.min(serviceWrites.size(), from + CHUNK));
                writeServices(chunk, newTeams, newUsers, at);
                done += chunk.size();
                progress.at(Step.WRITING, done, total);
            }
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
            return ids;
        }

        private void writeMemberships(Map<String, Long> newTeams, Map<String, Long> newUsers, Instant at) {
            List<long[]> rows = new ArrayList<>();
            for (String[] m : memberships) {
                Long team = newTeams.containsKey(m[0]) ? newTeams.get(m[0])
                        : existingTeams.containsKey(m[0]) ? existingTeams.get(m[0]).id() : null;
                Long user = newUsers.containsKey(m[1]) ? newUsers.get(m[1])
                        : existingUsers.containsKey(m[1]) ? existingUsers.get(m[1]).id() : null;
                if (team != null && user != null) {
                    rows.add(new long[] {team, user});
                }
            }
            people.addMemberships(rows, at);
        }

        private void writeServices(List<PlannedService> chunk, Map<String, Long> newTeams, Map<String, Long> newUsers,
                Instant at) {
            List<ServiceValues> inserts = new ArrayList<>();
            Map<Long, ServiceValues> updates = new LinkedHashMap<>();
            for (PlannedService s : chunk) {
                ServiceValues v = catalog.values(s.resolved, s.source.entity().namespace(), s.annotationsJson);
                ServiceValues real = new ServiceValues(v.namespace(), v.name(), v.title(), v.description(), v.type(),
                        v.lifecycle(), v.tier(), realTeam(v.ownerTeamId(), newTeams), realUser(v.ownerUserId(), newUsers),
                        v.systemName(), v.tags(), v.linksJson(), v.annotationsJson(), v.opsLinks());
                if (s.current == null) {
                    inserts.add(real);
                } else {
                    updates.put(s.current.id(), real);
                }
            }
            Map<String, Long> ids = services.insertAll(inserts, at);
            services.updateAll(updates, at);
            Map<Long, Map<Relation, List<String>>> refs = new HashMap<>();
            List<ServiceChanges.NewChange> history = new ArrayList<>();
            List<ResolvedDraft> created = new ArrayList<>();
            List<Map.Entry<ResolvedDraft, Map<String, FieldChange>>> updated = new ArrayList<>();
            for (PlannedService s : chunk) {
                long id = s.current == null ? ids.get(s.resolved.draft().name().toLowerCase(Locale.ROOT)) : s.current.id();
                long version = s.current == null ? 1 : s.current.version() + 1;
                refs.put(id, s.resolved.relations());
                history.add(new ServiceChanges.NewChange(id, version, caller.username(), ServiceChanges.Action.IMPORTED,
                        json.write(s.changes)));
                if (s.current == null) {
                    created.add(s.resolved);
                } else {
                    updated.add(Map.entry(s.resolved, s.changes));
                }
            }
            relations.replaceAll(refs);
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

        // ---- the report

        ImportReport report(boolean dryRun, long millis) {
            List<KindCount> kindCounts = KIND_ORDER.stream().filter(counts::containsKey)
                    .map(k -> new KindCount(k, counts.get(k)[0], counts.get(k)[1], counts.get(k)[2])).toList();
            Comparator<ImportProblem> inFileOrder = Comparator.comparing(ImportProblem::file)
                    .thenComparingInt(ImportProblem::documentIndex);
            List<ImportProblem> sorted = problems.stream().sorted(inFileOrder).toList();
            List<Item> sortedItems = items.stream().sorted(Comparator.comparing(Item::file).thenComparingInt(Item::documentIndex))
                    .toList();
            return new ImportReport(dryRun, kindCounts, sortedItems.stream().limit(ImportReport.MAX_LISTED).toList(),
                    Math.max(0, sortedItems.size() - ImportReport.MAX_LISTED),
                    sorted.stream().limit(ImportReport.MAX_LISTED).toList(),
                    Math.max(0, sorted.size() - ImportReport.MAX_LISTED), millis);
        }

        private void count(ParsedEntity entity, Action action, List<String> changedFields) {
            int[] c = counts.computeIfAbsent(entity.entity().kind(), k -> new int[3]);
            c[action.ordinal()]++;
            if (action != Action.UNCHANGED) {
                items.add(new Item(entity.file(), entity.documentIndex(), entity.entity().kind(),
                        entity.entity().ref().toString(), action, changedFields));
            }
        }

        private void problem(ParsedEntity entity, String reason) {
            problems.add(new ImportProblem(entity.file(), entity.documentIndex(), entity.entity().ref().toString(), reason));
        }
    }

    private static final class PlannedTeam {
        final ParsedEntity source;
        final String slug;
        final String name;
        final String description;
        final String parent;
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
