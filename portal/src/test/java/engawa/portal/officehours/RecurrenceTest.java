package engawa.portal.officehours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engawa.portal.shared.UserFacingException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void a_weekly_berlin_session_stays_at_ten_berlin_time_in_both_halves_of_the_year() {
        // 2027: summer time starts on 28 March and ends on 31 October
        LocalDateTime first = LocalDateTime.of(2027, 3, 18, 10, 0);
        List<LocalDateTime> starts = Recurrence.parse("FREQ=WEEKLY;COUNT=34", BERLIN).expand(first, BERLIN);

        assertThat(starts).hasSize(34).allSatisfy(s -> {
            assertThat(s.toLocalTime()).isEqualTo(LocalTime.of(10, 0));
            assertThat(s.getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        });
        assertThat(starts.get(0).atZone(BERLIN).getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(starts.get(2).atZone(BERLIN).getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(starts.getLast().atZone(BERLIN).getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        // so in UTC the session moves: 09:00 in winter, 08:00 in summer
        assertThat(starts.get(0).atZone(BERLIN).withZoneSameInstant(ZoneOffset.UTC).getHour()).isEqualTo(9);
        assertThat(starts.get(2).atZone(BERLIN).withZoneSameInstant(ZoneOffset.UTC).getHour()).isEqualTo(8);
    }

    @Test
    void every_other_week_until_a_day_includes_that_day() {
        LocalDateTime first = LocalDateTime.of(2027, 1, 7, 15, 0);
        Recurrence rule = Recurrence.parse("RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20270204", BERLIN);

        assertThat(rule.expand(first, BERLIN)).containsExactly(first, first.plusWeeks(2), first.plusWeeks(4));
        assertThat(rule.rrule()).isEqualTo("FREQ=WEEKLY;INTERVAL=2;UNTIL=20270204T225959Z");
    }

    @Test
    void byday_gives_several_days_a_week_and_the_first_start_counts_once() {
        LocalDateTime monday = LocalDateTime.of(2027, 1, 4, 9, 30);
        List<LocalDateTime> starts = Recurrence.parse("FREQ=WEEKLY;BYDAY=MO,TH;COUNT=4", BERLIN).expand(monday, BERLIN);

        assertThat(starts).containsExactly(monday, monday.plusDays(3), monday.plusWeeks(1), monday.plusWeeks(1).plusDays(3));
    }

    @Test
    void the_older_half_of_a_split_series_ends_just_before_the_date_it_was_split_at() {
        LocalDateTime first = LocalDateTime.of(2027, 1, 7, 15, 0);
        Recurrence rule = Recurrence.parse("FREQ=WEEKLY;COUNT=10", BERLIN);
        Recurrence older = rule.endingBefore(first.plusWeeks(4), BERLIN);

        assertThat(older.expand(first, BERLIN)).hasSize(4).last().isEqualTo(first.plusWeeks(3));
    }

    @Test
    void rules_office_hours_cannot_keep_are_refused_with_what_to_fix() {
        assertThat(problem("FREQ=DAILY;COUNT=3")).isEqualTo("officeHours.recurrence.weekly");
        assertThat(problem("FREQ=WEEKLY;INTERVAL=3;COUNT=3")).isEqualTo("officeHours.recurrence.interval");
        assertThat(problem("FREQ=WEEKLY")).isEqualTo("officeHours.recurrence.bound");
        assertThat(problem("FREQ=WEEKLY;COUNT=3;UNTIL=20270101")).isEqualTo("officeHours.recurrence.bound");
        assertThat(problem("FREQ=WEEKLY;COUNT=0")).isEqualTo("officeHours.recurrence.count");
        assertThat(problem("FREQ=WEEKLY;COUNT=500")).isEqualTo("officeHours.recurrence.count");
        assertThat(problem("FREQ=WEEKLY;UNTIL=tomorrow")).isEqualTo("officeHours.recurrence.until");
        assertThat(problem("FREQ=WEEKLY;BYDAY=XX;COUNT=2")).isEqualTo("officeHours.recurrence.day");
        assertThat(problem("FREQ=WEEKLY;COUNT=2;BYMONTH=3")).isEqualTo("officeHours.recurrence.unsupported");
        assertThat(problem("weekly please")).isEqualTo("officeHours.recurrence.syntax");
        assertThatThrownBy(() -> Recurrence.parse("FREQ=WEEKLY;UNTIL=20400101", BERLIN).expand(LocalDateTime.of(2027, 1, 1, 9, 0), BERLIN))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("104");
    }

    private static String problem(String rule) {
        try {
            Recurrence.parse(rule, BERLIN);
            return "accepted";
        } catch (UserFacingException e) {
            assertThat(e.fieldProblems()).extracting(UserFacingException.FieldProblem::field).containsExactly("recurrence");
            return e.fieldProblems().getFirst().messageKey();
        }
    }
}
