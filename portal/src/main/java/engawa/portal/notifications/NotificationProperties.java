package engawa.portal.notifications;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code engawa.notifications.*}: where e-mails come from, how often the outbox is read, how quick
 * retries are (tests make them quick), the time zone of people who never opened the portal.
 */
@ConfigurationProperties("engawa.notifications")
public record NotificationProperties(@DefaultValue("Engawa <engawa@localhost>") String from,
        @DefaultValue("5s") Duration pollInterval, @DefaultValue("1") double retryScale,
        @DefaultValue("UTC") String timeZone, @DefaultValue("true") boolean dispatch) {

    public ZoneId defaultZone() {
        return ZoneId.of(timeZone);
    }
}
