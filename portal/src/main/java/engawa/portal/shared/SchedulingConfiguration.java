package engawa.portal.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Periodic housekeeping ({@code @Scheduled}); jobs must be safe when several instances run them. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchedulingConfiguration.class);

    /**
     * A job that fails because the database is away says so in one line and runs again at its next
     * time, as the dispatchers do: Spring's own handler wrote an ERROR with a whole stack trace for
     * every job every few seconds of an outage, which buries what an operator needs to see.
     */
    @Bean
    ThreadPoolTaskSchedulerCustomizer jobsQuietWhileTheDatabaseIsAway() {
        return scheduler -> scheduler.setErrorHandler(SchedulingConfiguration::failed);
    }

    static void failed(Throwable failure) {
        if (DatabaseAway.causes(failure)) {
            log.warn("A scheduled job did not run this time: the database is not reachable ({})", failure.toString());
        } else {
            log.error("Unexpected error in a scheduled job", failure);
        }
    }
}
