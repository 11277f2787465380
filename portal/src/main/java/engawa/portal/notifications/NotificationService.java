package engawa.portal.notifications;

import engawa.db.notifications.EmailOutbox;
import engawa.db.notifications.NotificationRow;
import engawa.db.notifications.NotificationSettings;
import engawa.db.notifications.Notifications;
import engawa.portal.people.Callers;
import engawa.portal.people.Callers.Caller;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.UserFacingException.FieldProblem;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's own inbox and how they want to hear about things; for admins, the list of e-mails
 * sent (to whom, about what and why; never their text). Nobody reads or changes anyone else's.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class NotificationService {

    private static final TypeReference<List<Text>> ARGS = new TypeReference<>() {
    };

    private final Notifications inbox;
    private final NotificationSettings settings;
    private final EmailOutbox emails;
    private final InboxSignals signals;
    private final MailSetup mail;
    private final NotificationProperties properties;
    private final Callers callers;
    private final JsonMapper json;
    private final Clock clock;

    NotificationService(Notifications inbox, NotificationSettings settings, EmailOutbox emails, InboxSignals signals,
            MailSetup mail, NotificationProperties properties, Callers callers, JsonMapper json, Clock clock) {
        this.inbox = inbox;
        this.settings = settings;
        this.emails = emails;
        this.signals = signals;
        this.mail = mail;
        this.properties = properties;
        this.callers = callers;
        this.json = json;
        this.clock = clock;
    }

    /** One notification as its reader sees it, in their language. */
    public record Item(long id, Topic topic, String text, String link, Instant createdAt, boolean read) {
    }

    @Transactional(readOnly = true)
    public List<Item> page(boolean unreadOnly, Topic topic, Pageable pageable, Locale locale) {
        long me = me();
        return inbox.page(me, unreadOnly, topic == null ? null : topic.id(), (int) pageable.getOffset(), pageable.getPageSize())
                .stream().map(row -> item(row, locale)).toList();
    }

    @Transactional(readOnly = true)
    public long count(boolean unreadOnly, Topic topic) {
        return inbox.count(me(), unreadOnly, topic == null ? null : topic.id());
    }

    /** The bell's number; 0 for the admin token, which has no inbox. */
    @Transactional(readOnly = true)
    public long unread() {
        Long me = callers.current().userId();
        return me == null ? 0 : inbox.unread(me);
    }

    @Transactional
    public void markRead(long id) {
        long me = me();
        if (!inbox.exists(id, me)) {
            throw UserFacingException.notFound("notifications.notFound", id);
        }
        if (inbox.markRead(id, me, clock.instant())) {
            signals.changed(List.of(me));
        }
    }

    /** Whether this notification is one of the person asking: one lookup, for a page's status. */
    @Transactional(readOnly = true)
    public boolean isMine(long id) {
        return inbox.exists(id, me());
    }

    /** Marks one read and says where it points: how a person opens it from anywhere. */
    @Transactional
    public String open(long id) {
        long me = me();
        NotificationRow row = inbox.find(id, me).orElseThrow(() -> UserFacingException.notFound("notifications.notFound", id));
        if (inbox.markRead(id, me, clock.instant())) {
            signals.changed(List.of(me));
        }
        return row.link();
    }

    @Transactional
    public int markAllRead() {
        long me = me();
        int read = inbox.markAllRead(me, clock.instant());
        if (read > 0) {
            signals.changed(List.of(me));
        }
        return read;
    }

    /**
     * How a person hears about things.
     *
     * @param quietFrom and {@code quietUntil}: no e-mail between them, in {@code timeZone}; both null for none
     * @param emailAvailable whether this portal can send e-mail at all
     */
    public record Preferences(Map<Topic, Channel> channels, String timeZone, LocalTime quietFrom, LocalTime quietUntil,
            boolean digest, boolean emailAvailable) {
    }

    @Transactional(readOnly = true)
    public Preferences preferences() {
        long me = me();
        Map<String, String> chosen = settings.channels(me);
        Map<Topic, Channel> channels = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            String c = chosen.get(topic.id());
            channels.put(topic, c == null ? topic.defaultChannel() : Channel.valueOf(c));
        }
        NotificationSettings.Settings s = settings.settings(me).orElse(null);
        return new Preferences(channels, s == null ? properties.timeZone() : s.timeZone(), s == null ? null : s.quietFrom(),
                s == null ? null : s.quietUntil(), s == null || s.digest(), emailAvailable());
    }

    /** Whether this portal can send e-mail at all (a mail server is set). */
    public boolean emailAvailable() {
        return mail.configured();
    }

    /** Saves what a person chose; what they left out keeps its default. */
    @Transactional
    public Preferences save(Map<String, String> channels, String timeZone, String quietFrom, String quietUntil, boolean digest) {
        long me = me();
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> chosen = new LinkedHashMap<>();
        channels.forEach((topic, channel) -> {
            if (Topic.byId(topic).isEmpty()) {
                problems.add(new FieldProblem("topics." + topic, "notifications.topic.unknown", topic, topicIds()));
            } else if (channel == null || Channel.byId(channel).isEmpty()) {
                problems.add(new FieldProblem("topics." + topic, "notifications.channel.unknown", String.valueOf(channel)));
            } else {
                chosen.put(topic, Channel.byId(channel).orElseThrow().name());
            }
        });
        String zone = timeZone == null || timeZone.isBlank() ? properties.timeZone() : timeZone.strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("timeZone", "notifications.zone.unknown", zone));
        }
        LocalTime from = time(quietFrom, "quietHours.from", problems);
        LocalTime until = time(quietUntil, "quietHours.until", problems);
        if ((from == null) != (until == null)) {
            problems.add(new FieldProblem(from == null ? "quietHours.from" : "quietHours.until", "notifications.quiet.both"));
        }
        if (!problems.isEmpty()) {
            throw UserFacingException.invalidFields(problems);
        }
        settings.saveChannels(me, chosen);
        settings.save(new NotificationSettings.Settings(me, zone, true, from, until, digest));
        return preferences();
    }

    /**
     * What the person's browser says: its time zone (for those who have not chosen one: quiet hours,
     * and the digest on their Monday morning) and the language it shows Engawa in (for e-mails to
     * those who have not chosen a language).
     */
    @Transactional
    public void learnBrowser(String zone, Locale language) {
        Long me = callers.current().userId();
        if (me == null) {
            return;
        }
        String zoneId;
        try {
            zoneId = zone == null ? properties.timeZone() : ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            zoneId = properties.timeZone(); // a browser that names no zone we know
        }
        settings.learnBrowser(me, zoneId, engawa.portal.shared.Translations.supportedOrEnglish(language).toLanguageTag());
    }

    /** What e-mails went to whom and why, newest first: for admins, never their text. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<EmailOutbox.SentEmail> sentEmails(Pageable pageable) {
        if (!callers.current().admin()) {
            throw UserFacingException.forbidden("notifications.sent.adminsOnly");
        }
        return emails.recent((int) pageable.getOffset(), pageable.getPageSize());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public long countSentEmails() {
        return emails.count();
    }

    Item item(NotificationRow row, Locale locale) {
        List<Text> args = json.readValue(row.argsJson(), ARGS);
        return new Item(row.id(), Topic.byId(row.topic()).orElse(Topic.MY_SESSIONS),
                EmailComposer.sentence(row.message(), args, locale), row.link(), row.createdAt(), row.readAt() != null);
    }

    private long me() {
        Caller caller = callers.current();
        if (caller.userId() == null) {
            throw UserFacingException.notFound("notifications.noInbox");
        }
        return caller.userId();
    }

    private static LocalTime time(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "notifications.time.format", text));
            return null;
        }
    }

    private static String topicIds() {
        return String.join(", ", java.util.Arrays.stream(Topic.values()).map(Topic::id).toList());
    }
}
