package engawa.portal.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import engawa.db.notifications.Notifications;
import engawa.portal.notifications.Notice;
import engawa.portal.notifications.Notifier;
import engawa.portal.notifications.Text;
import engawa.portal.notifications.Topic;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications at company size. Run with bench/notifications.sh; prints a Markdown table.
 *
 * <ol>
 * <li>fan-out: one notice (a company-wide session called off) told to N people in one transaction,
 * as the portal does it (channels, languages, inbox rows, e-mails written), next to a plain SQL
 * insert of the same inbox rows; then the time until the SMTP server (GreenMail, on this machine)
 * has taken every e-mail;</li>
 * <li>the bell: the unread count of one person, with a million notifications stored, p50/p95/p99
 * over random people.</li>
 * </ol>
 */
public final class NotificationBenchmark {

    public static void main(String[] args) throws Exception {
        int recipients = Integer.parseInt(System.getProperty("recipients", "10000"));
        int stored = Integer.parseInt(System.getProperty("stored", "1000000"));
        int reads = Integer.parseInt(System.getProperty("reads", "2000"));
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        smtp.start();
        try (ConfigurableApplicationContext context = BenchPortal.start("notifications", Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(smtp.getSmtp().getPort()),
                "engawa.notifications.poll-interval", "50ms"))) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            jdbc.update("""
                    INSERT INTO users (username, display_name, email, role, enabled, created_at, locale)
                    SELECT 'bench-' || g, 'Bench Person ' || g, 'bench-' || g || '@example.com', 'MEMBER', TRUE, now(),
                           CASE WHEN g % 3 = 0 THEN 'ja' ELSE NULL END
                    FROM generate_series(1, ?) g""", recipients);
            List<Long> ids = jdbc.queryForList("SELECT id FROM users WHERE username LIKE 'bench-%' ORDER BY id", Long.class);

            // the same rows, written by hand: what the database itself needs
            long plainStart = System.nanoTime();
            tx.executeWithoutResult(s -> jdbc.update("""
                    INSERT INTO notifications (recipient_id, topic, message, args, link, created_at)
                    SELECT id, 'my-sessions', 'sessionCancelled', '[{"en": "All hands", "ja": null}]', '/office-hours/sessions/1', now()
                    FROM users WHERE username LIKE 'bench-%'"""));
            double plainMs = (System.nanoTime() - plainStart) / 1e6;
            jdbc.update("DELETE FROM notifications");

            Notifier notifier = context.getBean(Notifier.class);
            Notice notice = Notice.of(Topic.MY_SESSIONS, "sessionCancelled", "/office-hours/sessions/1",
                    "A session you signed up for was called off", new Text("All hands", "全体会議"),
                    new Text("Mon 7 Dec, 10:00 (Asia/Tokyo)", "12月7日(月) 10:00（Asia/Tokyo）"));
            long fanStart = System.nanoTime();
            tx.executeWithoutResult(s -> notifier.tell(ids, notice));
            double fanMs = (System.nanoTime() - fanStart) / 1e6;
            long inbox = jdbc.queryForObject("SELECT count(*) FROM notifications", Long.class);
            long queued = jdbc.queryForObject("SELECT count(*) FROM email_outbox", Long.class);
            while (smtp.getReceivedMessages().length < recipients) {
                if ((System.nanoTime() - fanStart) / 1e9 > 600) {
                    throw new IllegalStateException("Only " + smtp.getReceivedMessages().length + " e-mails in 10 minutes");
                }
                Thread.sleep(100);
            }
            double mailedMs = (System.nanoTime() - fanStart) / 1e6;

            // a million notifications, a fifth of them unread, over the same people
            jdbc.update("DELETE FROM notifications");
            long per = Math.max(1, stored / ids.size());
            jdbc.update("""
                    INSERT INTO notifications (recipient_id, topic, message, args, link, created_at, read_at)
                    SELECT u.id, 'my-runs', 'runFailed', '[]', '/runs', now() - (g || ' minutes')::interval,
                           CASE WHEN g % 5 = 0 THEN NULL ELSE now() END
                    FROM users u CROSS JOIN generate_series(1, ?) g WHERE u.username LIKE 'bench-%'""", per);
            jdbc.execute("ANALYZE notifications");
            long total = jdbc.queryForObject("SELECT count(*) FROM notifications", Long.class);
            Notifications notifications = context.getBean(Notifications.class);
            for (int i = 0; i < 200; i++) {
                notifications.unread(ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
            }
            long[] nanos = new long[reads];
            for (int i = 0; i < reads; i++) {
                long id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                long t = System.nanoTime();
                notifications.unread(id);
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            System.out.println();
            System.out.println("| measure | result |");
            System.out.println("|---|---|");
            System.out.printf("| plain SQL: %,d inbox rows in one INSERT ... SELECT | %.0f ms |%n", ids.size(), plainMs);
            System.out.printf("| one notice to %,d people (channels, languages, inbox rows, e-mails), one transaction | %.0f ms (%,d inbox rows, %,d e-mails queued) |%n",
                    ids.size(), fanMs, inbox, queued);
            System.out.printf("| ... until the SMTP server has taken every e-mail | %.1f s (%,.0f e-mails/s) |%n", mailedMs / 1000,
                    recipients / (mailedMs / 1000));
            System.out.printf("| the bell's unread count, %,d notifications stored (%,d per person, a fifth unread), %,d reads | p50 %.2f ms, p95 %.2f ms, p99 %.2f ms |%n",
                    total, per, reads, nanos[reads / 2] / 1e6, nanos[(int) (reads * 0.95)] / 1e6, nanos[(int) (reads * 0.99)] / 1e6);
        } finally {
            smtp.stop();
        }
        System.exit(0);
    }
}
