package engawa.portal.notifications;

import engawa.db.notifications.EmailOutbox;
import engawa.db.notifications.EmailOutbox.DueEmail;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued e-mails: claims a batch (locked, so one instance sends each), hands each to the
 * SMTP server and records how it went, in one transaction. One that the server does not take is
 * tried again later, for about two days, then given up (and shown so to admins). A process killed
 * mid-batch leaves its rows to the next claim: an e-mail may then go twice, never not at all; its
 * stable Message-ID lets mail programs show it once.
 */
@Component
class EmailDispatcher implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);
    static final List<Duration> RETRIES = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12), Duration.ofHours(24));
    private static final int BATCH = 50;

    private final EmailOutbox outbox;
    private final MailSetup mail;
    private final NotificationProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Object signal = new Object();
    private volatile boolean running = true;
    private Thread worker;

    EmailDispatcher(EmailOutbox outbox, MailSetup mail, NotificationProperties properties,
            PlatformTransactionManager transactions, Clock clock) {
        this.outbox = outbox;
        this.mail = mail;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (mail.configured() && properties.dispatch()) {
            worker = Thread.ofPlatform().name("email-dispatch").daemon().start(this::loop);
        }
    }

    /** Look now rather than at the next poll (after a commit that queued e-mails). */
    void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            int sent = 0;
            try {
                sent = sendOnce();
            } catch (RuntimeException e) {
                log.warn("E-mails not sent this time: {}", e.toString());
            }
            if (sent < BATCH) {
                synchronized (signal) {
                    try {
                        signal.wait(properties.pollInterval().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** One batch: claimed, sent over one SMTP connection, recorded. @return how many were claimed */
    int sendOnce() {
        Integer claimed = transactions.execute(status -> {
            List<DueEmail> due = outbox.claimDue(clock.instant(), BATCH);
            if (!due.isEmpty()) {
                send(due);
            }
            return due.size();
        });
        return claimed == null ? 0 : claimed;
    }

    private void send(List<DueEmail> due) {
        Instant now = clock.instant();
        java.util.Map<MimeMessage, DueEmail> messages = new java.util.LinkedHashMap<>();
        for (DueEmail email : due) {
            try {
                messages.put(message(email), email);
            } catch (jakarta.mail.MessagingException | RuntimeException e) {
                retryLater(email, "The e-mail could not be written: " + e.getMessage(), now);
            }
        }
        java.util.Map<Object, Exception> failed = new java.util.HashMap<>();
        try {
            mail.sender().send(messages.keySet().toArray(MimeMessage[]::new));
        } catch (org.springframework.mail.MailSendException e) {
            // some (or, when the server cannot be reached, all) were not taken
            failed.putAll(e.getFailedMessages());
            if (failed.isEmpty()) {
                messages.keySet().forEach(m -> failed.put(m, e));
            }
        } catch (MailException e) {
            messages.keySet().forEach(m -> failed.put(m, e));
        }
        messages.forEach((message, email) -> {
            Exception problem = failed.get(message);
            if (problem == null) {
                outbox.sent(email.id(), now);
            } else {
                retryLater(email, String.valueOf(problem.getMessage()), now);
            }
        });
    }

    private MimeMessage message(DueEmail email) throws jakarta.mail.MessagingException {
        String messageId = "<engawa-email-" + email.id() + "@" + host(properties.from()) + ">";
        MimeMessage message = mail.sender() instanceof org.springframework.mail.javamail.JavaMailSenderImpl impl
                ? new MimeMessage(impl.getSession()) {
                    // the same id on every attempt: a resent e-mail is one e-mail to the reader
                    @Override
                    protected void updateMessageID() throws jakarta.mail.MessagingException {
                        setHeader("Message-ID", messageId);
                    }
                }
                : mail.sender().createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(new InternetAddress(properties.from()));
        helper.setTo(email.to());
        helper.setSubject(email.subject());
        helper.setText(email.text(), email.html());
        return message;
    }

    private void retryLater(DueEmail email, String error, Instant now) {
        Duration wait = email.attempts() < RETRIES.size() ? RETRIES.get(email.attempts()) : null;
        Instant next = wait == null ? null : now.plusMillis(Math.max(1, (long) (wait.toMillis() * properties.retryScale())));
        log.info("E-mail {} not taken by the SMTP server ({}){}", email.id(), error,
                next == null ? "; given up" : "; trying again at " + next);
        outbox.failed(email.id(), error, next);
    }

    private static String host(String from) {
        int at = from.lastIndexOf('@');
        String host = at < 0 ? "localhost" : from.substring(at + 1).replace(">", "").strip();
        return host.isEmpty() ? "localhost" : host;
    }

    @Override
    public void destroy() {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }
}
