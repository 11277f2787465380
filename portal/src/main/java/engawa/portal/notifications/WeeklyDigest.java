package engawa.portal.notifications;

import engawa.db.notifications.EmailOutbox;
import engawa.db.notifications.NewEmail;
import engawa.db.notifications.NotificationSettings;
import engawa.portal.catalog.MyServices;
import engawa.portal.catalog.ServiceAttention;
import engawa.portal.officehours.OfficeHoursService;
import engawa.portal.officehours.SessionRef;
import engawa.portal.people.PeopleDirectory;
import engawa.portal.people.Person;
import engawa.portal.recipes.MyRecipes;
import engawa.portal.recipes.MyRecipesWeek;
import engawa.portal.shared.PublicUrl;
import engawa.portal.shared.SystemAuthentication;
import engawa.portal.shared.Translations;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * The weekly digest: on Monday from 08:00 in each person's time zone, one e-mail with their runs of
 * the past week and the time recipes saved them, the sessions they come to this week, their
 * recipes that are broken, and their services' gaps and SLOs at risk. Built by asking each feature
 * as that person, so it holds exactly what they may see; one per person and week, whichever
 * instance gets there first. Nothing to say: no e-mail.
 */
@Component
class WeeklyDigest {

    private static final Logger log = LoggerFactory.getLogger(WeeklyDigest.class);
    static final int SEND_FROM_HOUR = 8;

    private final NotificationSettings settings;
    private final EmailOutbox emails;
    private final PeopleDirectory people;
    private final SystemAuthentication auth;
    private final MyRecipes recipes;
    private final OfficeHoursService sessions;
    private final MyServices myServices;
    private final MailSetup mail;
    private final NotificationProperties properties;
    private final PublicUrl urls;
    private final TransactionTemplate transactions;
    private final EmailDispatcher dispatcher;
    private final Clock clock;

    WeeklyDigest(NotificationSettings settings, EmailOutbox emails, PeopleDirectory people, SystemAuthentication auth,
            MyRecipes recipes, OfficeHoursService sessions, MyServices myServices,
            MailSetup mail, NotificationProperties properties, PublicUrl urls, PlatformTransactionManager transactions,
            EmailDispatcher dispatcher, Clock clock) {
        this.settings = settings;
        this.emails = emails;
        this.people = people;
        this.auth = auth;
        this.recipes = recipes;
        this.sessions = sessions;
        this.myServices = myServices;
        this.mail = mail;
        this.properties = properties;
        this.urls = urls;
        this.transactions = new TransactionTemplate(transactions);
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${engawa.notifications.digest-check:PT10M}", initialDelayString = "PT1M")
    void sendDue() {
        if (!mail.configured()) {
            return;
        }
        int sent = 0;
        for (Map.Entry<Long, String> reader : settings.digestReaders(properties.timeZone(), "", 100_000)) {
            ZonedDateTime local = clock.instant().atZone(zone(reader.getValue()));
            if (local.getDayOfWeek() != DayOfWeek.MONDAY || local.getHour() < SEND_FROM_HOUR) {
                continue;
            }
            if (sendTo(reader.getKey(), reader.getValue(), week(local))) {
                sent++;
            }
        }
        if (sent > 0) {
            log.info("Queued {} weekly digests", sent);
            dispatcher.wake();
        }
    }

    /** One person's digest for a week, if no instance took it yet. @return whether it was queued */
    boolean sendTo(long userId, String zoneId, String week) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!settings.claimDigest(userId, zoneId, week)) {
                return false;
            }
            Person person = people.person(userId).filter(Person::enabled).orElse(null);
            if (person == null || person.email() == null || person.email().isBlank()) {
                return false;
            }
            Locale locale = Notifier.language(person, settings.browserLanguages(List.of(userId)).get(userId));
            Digest digest = auth.runAs(person.username(), person.admin(), () -> build(locale, zone(zoneId)));
            if (digest.isEmpty()) {
                return false;
            }
            emails.enqueueAll(List.of(new NewEmail(userId, person.email(), digest.subject(locale), digest.text(locale,
                    person.displayName(), urls), digest.html(locale, person.displayName(), urls), "digest",
                    "Weekly digest for " + week, clock.instant())), clock.instant());
            return true;
        }));
    }

    /** What the digest says, asked of each feature as the person. */
    Digest build(Locale locale, ZoneId zone) {
        Instant now = clock.instant();
        MyRecipesWeek week = recipes.week(zone);
        List<Line> coming = sessions.mineBetween(now, now.plus(Duration.ofDays(7))).stream()
                .map(s -> sessionLine(s, locale)).toList();
        List<Line> broken = week.broken().stream().map(r -> new Line(Translations.text("digest.recipeBroken", locale,
                "ja".equals(locale.getLanguage()) && r.titleJa() != null ? r.titleJa() : r.titleEn(), r.failuresInARow()),
                "/recipes/" + r.slug())).toList();
        List<Line> services = myServices.overview().needingAttention().stream().map(s -> serviceLine(s, locale)).toList();
        return new Digest(week.runs(), week.failedRuns(), week.minutesSavedThisMonth(), coming, broken, services);
    }

    private static Line sessionLine(SessionRef s, Locale locale) {
        String title = "ja".equals(locale.getLanguage()) && s.titleJa() != null ? s.titleJa() : s.titleEn();
        return new Line(title + " — " + When.at(s.startsAt(), s.timeZone()).in(locale), "/office-hours/sessions/" + s.id());
    }

    private static Line serviceLine(ServiceAttention s, Locale locale) {
        String level = Translations.text("scorecard.level." + s.levelKey(), locale);
        String missing = String.join(", ", s.missing().stream().map(k -> Translations.text("scorecard.rule." + k, locale)).toList());
        String text = s.displayName() + ": " + level
                + (missing.isEmpty() ? "" : " — " + Translations.text("digest.missing", locale, missing))
                + (s.sloStateAtRisk() == null ? "" : " — " + Translations.text("digest.sloAtRisk", locale,
                Translations.text("slo.state." + s.sloStateAtRisk(), locale)));
        return new Line(text, "/services/" + s.name());
    }

    static String week(ZonedDateTime local) {
        return local.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return properties.defaultZone();
        }
    }

    record Line(String text, String link) {
    }

    record Digest(int runs, int failedRuns, long minutesSaved, List<Line> sessions, List<Line> brokenRecipes,
            List<Line> services) {

        boolean isEmpty() {
            return runs == 0 && minutesSaved == 0 && sessions.isEmpty() && brokenRecipes.isEmpty() && services.isEmpty();
        }

        String subject(Locale locale) {
            return "[" + Translations.text("app.name", locale) + "] " + Translations.text("digest.subject", locale, runs,
                    sessions.size());
        }

        String text(Locale locale, String name, PublicUrl urls) {
            StringBuilder text = new StringBuilder(Translations.text("email.greeting", locale, name)).append("\n\n");
            for (Section section : sections(locale)) {
                text.append(section.title()).append('\n');
                section.lines().forEach(l -> text.append("- ").append(l.text())
                        .append(l.link() == null ? "" : "\n  " + urls.of(l.link())).append('\n'));
                text.append('\n');
            }
            text.append("-- \n").append(Translations.text("digest.why", locale)).append('\n')
                    .append(Translations.text("email.change", locale)).append(": ").append(urls.of("/account/notifications"))
                    .append('\n');
            return text.toString();
        }

        String html(Locale locale, String name, PublicUrl urls) {
            StringBuilder html = new StringBuilder("<!doctype html><html lang=\"").append(locale.getLanguage())
                    .append("\"><body style=\"font-family: sans-serif; line-height: 1.5; color: #222\"><p>")
                    .append(escape(Translations.text("email.greeting", locale, name))).append("</p>");
            for (Section section : sections(locale)) {
                html.append("<h3 style=\"margin-bottom: 4px\">").append(escape(section.title())).append("</h3><ul>");
                for (Line l : section.lines()) {
                    html.append("<li>").append(l.link() == null ? escape(l.text())
                            : "<a href=\"" + escape(urls.of(l.link())) + "\">" + escape(l.text()) + "</a>").append("</li>");
                }
                html.append("</ul>");
            }
            html.append("<hr style=\"border: none; border-top: 1px solid #ddd\"><p style=\"color: #666; font-size: 0.9em\">")
                    .append(escape(Translations.text("digest.why", locale))).append(" <a href=\"")
                    .append(escape(urls.of("/account/notifications"))).append("\">")
                    .append(escape(Translations.text("email.change", locale))).append("</a></p></body></html>");
            return html.toString();
        }

        private record Section(String title, List<Line> lines) {
        }

        private List<Section> sections(Locale locale) {
            List<Section> all = new ArrayList<>();
            if (runs > 0 || minutesSaved > 0) {
                all.add(new Section(Translations.text("digest.runs.title", locale), List.of(new Line(
                        Translations.text("digest.runs", locale, runs, failedRuns, minutesSaved / 60, minutesSaved % 60), "/runs"))));
            }
            if (!sessions.isEmpty()) {
                all.add(new Section(Translations.text("digest.sessions.title", locale), sessions));
            }
            if (!brokenRecipes.isEmpty()) {
                all.add(new Section(Translations.text("digest.recipes.title", locale), brokenRecipes));
            }
            if (!services.isEmpty()) {
                all.add(new Section(Translations.text("digest.services.title", locale), services));
            }
            return all;
        }

        private static String escape(String text) {
            return HtmlUtils.htmlEscape(text, "UTF-8");
        }
    }
}
