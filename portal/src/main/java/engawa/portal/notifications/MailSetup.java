package engawa.portal.notifications;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Whether this portal can send e-mail: Spring Boot makes a mail sender only when
 * {@code spring.mail.host} is set. Without one nothing is queued (it would wait forever); people
 * get everything in the portal, and the preferences page and health say so.
 */
@Component
public class MailSetup {

    private final ObjectProvider<JavaMailSender> sender;

    MailSetup(ObjectProvider<JavaMailSender> sender) {
        this.sender = sender;
    }

    public boolean configured() {
        return sender.getIfAvailable() != null;
    }

    JavaMailSender sender() {
        return sender.getObject();
    }
}
