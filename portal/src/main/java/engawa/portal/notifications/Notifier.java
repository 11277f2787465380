package engawa.portal.notifications;

import engawa.db.notifications.EmailOutbox;
import engawa.db.notifications.NewEmail;
import engawa.db.notifications.NewNotification;
import engawa.db.notifications.NotificationSettings;
import engawa.db.notifications.Notifications;
import engawa.portal.people.PeopleDirectory;
import engawa.portal.people.Person;
import engawa.portal.shared.Translations;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells people about a notice as each of them chose for its topic: into their inbox, and by e-mail
 * (queued, sent after their quiet hours). Runs in the transaction of the change it tells about, so
 * a notice exists exactly when what it says is true. Disabled people hear nothing.
 */
@Component
public class Notifier {

    private final Notifications inbox;
    private final EmailOutbox emails;
    private final NotificationSettings settings;
    private final PeopleDirectory people;
    private final EmailComposer composer;
    private final InboxSignals signals;
    private final MailSetup mail;
    private final EmailDispatcher dispatcher;
    private final NotificationProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    Notifier(Notifications inbox, EmailOutbox emails, NotificationSettings settings, PeopleDirectory people,
            EmailComposer composer, InboxSignals signals, MailSetup mail, EmailDispatcher dispatcher,
            NotificationProperties properties, JsonMapper json, Clock clock) {
        this.dispatcher = dispatcher;
        this.inbox = inbox;
        this.emails = emails;
        this.settings = settings;
        this.people = people;
        this.composer = composer;
        this.signals = signals;
        this.mail = mail;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** @return who was told (in the inbox) */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<Long> tell(Collection<Long> recipientIds, Notice notice) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(recipientIds));
        if (ids.isEmpty()) {
            return Set.of();
        }
        Map<Long, Person> found = people.people(ids);
        Map<Long, String> chosen = settings.channels(ids, notice.topic().id());
        String args = json.writeValueAsString(notice.args());
        List<NewNotification> rows = new ArrayList<>();
        for (long id : ids) {
            Person person = found.get(id);
            if (person == null || !person.enabled() || channel(chosen, id, notice.topic()) == Channel.OFF) {
                continue;
            }
            rows.add(new NewNotification(id, notice.topic().id(), notice.message(), args, notice.link(),
                    notice.dedupeKey() == null ? null : notice.dedupeKey() + ":" + id));
        }
        Instant now = clock.instant();
        Map<Long, Long> written = new java.util.LinkedHashMap<>();
        inbox.insertAll(rows, now).forEach(w -> written.put(w.recipientId(), w.id()));
        Set<Long> told = written.keySet();
        if (mail.configured() && emails.enqueueAll(emailsFor(written, found, chosen, notice, now), now) > 0) {
            // this instance sends at once after the commit; others find the rows at their next poll
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            dispatcher.wake();
                        }
                    });
        }
        if (!told.isEmpty()) {
            signals.changed(told);
        }
        return Set.copyOf(told);
    }

    private List<NewEmail> emailsFor(Map<Long, Long> written, Map<Long, Person> found, Map<Long, String> chosen,
            Notice notice, Instant now) {
        List<Long> byEmail = written.keySet().stream().filter(id -> channel(chosen, id, notice.topic()) == Channel.EMAIL)
                .filter(id -> found.get(id).email() != null && !found.get(id).email().isBlank()).toList();
        Map<Long, NotificationSettings.Settings> zones = settings.settings(byEmail);
        Map<Long, String> browsers = settings.browserLanguages(byEmail);
        List<NewEmail> queued = new ArrayList<>(byEmail.size());
        for (long id : byEmail) {
            Person person = found.get(id);
            Locale locale = language(person, browsers.get(id));
            // opening the e-mail's link marks the notification read, as opening it in the portal does
            EmailComposer.Email email = composer.compose(notice, "/notifications/" + written.get(id) + "/open", locale,
                    person.displayName());
            NotificationSettings.Settings s = zones.get(id);
            QuietHours quiet = s == null ? QuietHours.none(properties.defaultZone())
                    : new QuietHours(ZoneId.of(s.timeZone()), s.quietFrom(), s.quietUntil());
            queued.add(new NewEmail(id, person.email(), email.subject(), email.text(), email.html(), notice.topic().id(),
                    notice.reason(), quiet.nextSendable(now)));
        }
        return queued;
    }

    /** The language the person chose; else the one their browser shows Engawa in; else English. */
    static Locale language(Person person, String browserLanguage) {
        if (person.locale() != null) {
            return person.locale();
        }
        return browserLanguage == null ? Translations.ENGLISH : Translations.fromTag(browserLanguage);
    }

    private static Channel channel(Map<Long, String> chosen, long id, Topic topic) {
        String c = chosen.get(id);
        return c == null ? topic.defaultChannel() : Channel.valueOf(c);
    }
}
