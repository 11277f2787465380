package engawa.portal.officehours;

import engawa.db.officehours.CalendarFeeds;
import engawa.db.officehours.OfficeHours;
import engawa.db.officehours.Signups;
import engawa.portal.webhooks.EventType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The plain-SQL parts of office hours from {@code db}. */
@Configuration(proxyBeanMethods = false)
class OfficeHoursConfiguration {

    @Bean
    EventType signupCreatedEvents() {
        return SignupCreated.TYPE;
    }

    @Bean
    EventType signupCancelledEvents() {
        return SignupCancelled.TYPE;
    }

    @Bean
    EventType waitlistPromotedEvents() {
        return WaitlistPromoted.TYPE;
    }

    @Bean
    EventType reminderEvents() {
        return SessionReminderDue.TYPE;
    }

    @Bean
    OfficeHours officeHours(JdbcTemplate jdbc) {
        return new OfficeHours(jdbc);
    }

    @Bean
    Signups signups(JdbcTemplate jdbc) {
        return new Signups(jdbc);
    }

    @Bean
    CalendarFeeds calendarFeeds(JdbcTemplate jdbc) {
        return new CalendarFeeds(jdbc);
    }
}
