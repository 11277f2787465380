package engawa.portal.notifications;

import engawa.db.notifications.EmailOutbox;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * E-mail in the health report: whether this portal can send e-mail, and how many wait. Always up:
 * an SMTP server that is away must not take the portal out of its load balancer (Spring Boot's
 * own mail check, which would, is off); e-mails wait in the outbox until it is back.
 */
@Component("email")
class EmailHealth implements HealthIndicator {

    private final MailSetup mail;
    private final EmailOutbox outbox;

    EmailHealth(MailSetup mail, EmailOutbox outbox) {
        this.mail = mail;
        this.outbox = outbox;
    }

    @Override
    public Health health() {
        if (!mail.configured()) {
            return Health.up().withDetail("configured", false)
                    .withDetail("note", "No SMTP server set (spring.mail.host): notifications stay in the portal").build();
        }
        return Health.up().withDetail("configured", true).withDetail("waiting", outbox.pending()).build();
    }
}
