package engawa.portal.officehours;

import org.springframework.context.ApplicationContext;

/** For tests of other packages: sends the reminders that are due now, as the scheduler would on its next poll. */
public final class DueReminders {

    private DueReminders() {
    }

    public static void sendNow(ApplicationContext context) {
        context.getBean(SessionReminders.class).sendDue();
    }
}
