package engawa.portal.officehours;

import engawa.db.officehours.OfficeHours;
import engawa.db.officehours.SessionRow;
import engawa.db.officehours.SignupStatus;
import engawa.db.officehours.Signups;
import engawa.portal.people.PeopleDirectory;
import engawa.portal.recipes.RecipeLookup;
import engawa.portal.shared.DemoData;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo office hours: a weekly "Automate it with Zapier" drop-in in Asia/Tokyo (two dates past,
 * with attendance, questions and linked automations; one coming date cancelled), a full seated
 * "SLOs for service owners" in Europe/Berlin with Hana on the waitlist, and a past spreadsheet
 * clinic. Written straight to the tables, since past dates cannot be announced through the form.
 */
@Component
@Order(30)
class DemoOfficeHours implements DemoData {

    private final OfficeHours sessions;
    private final Signups signups;
    private final PeopleDirectory people;
    private final RecipeLookup recipes;
    private final Clock clock;

    DemoOfficeHours(OfficeHours sessions, Signups signups, PeopleDirectory people, RecipeLookup recipes, Clock clock) {
        this.sessions = sessions;
        this.signups = signups;
        this.people = people;
        this.recipes = recipes;
        this.clock = clock;
    }

    @Override
    public void load() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        LocalDate today = LocalDate.ofInstant(clock.instant(), tokyo);
        LocalDateTime firstThursday = today.minusWeeks(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY)).atTime(15, 0);
        long zapier = series(new SessionDraft("Automate it with Zapier", "Zapier で自動化しよう", """
                The door is open: bring a chore you repeat every week and leave with a Zap that does it for you.
                No appointment, no preparation. Five minutes is fine.

                - spreadsheets that you copy by hand
                - reminders you send every month
                - reports that you paste into chat""", List.of("Zapier", "spreadsheets"), List.of("yuki", "kenji"),
                "drop-in", null, "Room Sakura (3F)", "https://meet.example.com/engawa-open-door", "Asia/Tokyo", firstThursday,
                firstThursday.plusHours(2), "FREQ=WEEKLY;INTERVAL=1;COUNT=12", 60,
                List.of("weekly-report-to-chat", "expense-reminder"), List.of()));
        List<SessionRow> dates = sessions.sessionsOf(zapier);
        past(dates.get(0), new String[][] {
                {"hana", "The monthly expense report I copy by hand", "true", "submit-expense-claim"},
                {"sam", "Expense reports", "true", null},
                {"admin", "Posting the weekly report to chat", "false", null}});
        past(dates.get(1), new String[][] {
                {"hana", "Expense reports", "true", "expense-reminder"},
                {"kenji", "Posting the weekly report to chat", "true", "weekly-report-to-chat"}});
        // the next coming date: people said they will drop by, one with a time
        SessionRow next = dates.stream().filter(d -> d.startsAt().isAfter(clock.instant())).findFirst().orElseThrow();
        signups.insert(next.id(), id("sam"), SignupStatus.CONFIRMED, "Copying form answers into a spreadsheet",
                next.startsAt().plus(Duration.ofMinutes(30)), null, clock.instant());
        // one date off (a public holiday), the rest goes on
        SessionRow off = dates.get(dates.indexOf(next) + 2);
        sessions.cancelSession(off.id(), clock.instant());
        sessions.touch(zapier, clock.instant());
        recipes.find("submit-expense-claim").ifPresent(r -> signups.linkWish(zapier, "expense reports", r.id(), id("yuki"),
                clock.instant()));

        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDateTime sloStart = LocalDate.ofInstant(clock.instant(), berlin).plusDays(5).atTime(LocalTime.of(10, 0));
        long slo = series(new SessionDraft("SLOs for service owners", "サービスオーナーのための SLO 入門", """
                What an SLO is, how to choose one for your service, and what to do when the error budget runs out.
                Bring your service's dashboards; we set up your first SLO together.""", List.of("SLOs", "reliability"),
                List.of("yuki"), "seated", 3, "Room Fuji (5F)", null, "Europe/Berlin", sloStart, sloStart.plusHours(1), null, 60,
                List.of(), List.of("payments-api")));
        SessionRow sloDate = sessions.sessionsOf(slo).getFirst();
        for (String person : List.of("kenji", "sam", "admin")) {
            signups.insert(sloDate.id(), id(person), SignupStatus.CONFIRMED, person.equals("kenji")
                    ? "An SLO for the payments API" : null, null, null, clock.instant());
        }
        signups.insert(sloDate.id(), id("hana"), SignupStatus.WAITLISTED, "Understanding what the error budget means",
                null, null, clock.instant());

        LocalDateTime clinic = today.minusWeeks(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)).atTime(11, 0);
        long clinicSeries = series(new SessionDraft("Spreadsheet clinic", "スプレッドシート相談会", """
                Formulas, pivot tables and the first step from a spreadsheet to an automation.""", List.of("spreadsheets"),
                List.of("kenji"), "drop-in", null, "Room Sakura (3F)", null, "Asia/Tokyo", clinic, clinic.plusHours(1), null, 60,
                List.of("form-to-spreadsheet-row"), List.of()));
        past(sessions.sessionsOf(clinicSeries).getFirst(), new String[][] {
                {"hana", "Copying form answers into a spreadsheet", "true", "form-to-spreadsheet-row"},
                {"sam", "Copying form answers into a spreadsheet", "true", null}});
    }

    private long series(SessionDraft draft) {
        SessionRules.Checked checked = SessionRules.check(draft, clock.instant(), true);
        long id = sessions.insertSeries(UUID.randomUUID() + "@engawa", checked.values(), id("yuki"), null, clock.instant());
        sessions.setHosts(id, draft.hosts().stream().map(this::id).toList());
        sessions.insertSessions(id, OfficeHoursService.dated(checked.starts(), checked.zone(), checked.values().durationMinutes()));
        return id;
    }

    /** A date that took place: who came, what they asked, which recipe they built. */
    private void past(SessionRow date, String[][] people) {
        for (String[] p : people) {
            long signup = signups.insert(date.id(), id(p[0]), SignupStatus.CONFIRMED, p[1], null, null,
                    date.startsAt().minus(Duration.ofDays(2)));
            signups.markAttended(signup, Boolean.valueOf(p[2]));
            if (p[3] != null) {
                recipes.find(p[3]).ifPresent(r -> signups.linkRecipe(signup, r.id()));
            }
        }
    }

    private long id(String username) {
        return people.person(username).orElseThrow().id();
    }
}
