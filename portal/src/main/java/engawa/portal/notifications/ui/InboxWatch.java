package engawa.portal.notifications.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import engawa.portal.notifications.InboxSignals;

/**
 * Keeps a part of a page up to date with the person's inbox while it is shown: when the inbox
 * changes (on any instance), the browser is told to call the component's {@code inboxChanged()}.
 * The push thread knows no signed-in person, so it reads nothing itself; the call comes back as an
 * ordinary request, where the person's rights are checked as they are at that moment.
 */
final class InboxWatch {

    private InboxWatch() {
    }

    /** {@code component} has a {@code @ClientCallable void inboxChanged()}. */
    static void keepUpToDate(Component component, InboxSignals signals, long personId) {
        component.addAttachListener(attached -> {
            UI ui = attached.getUI();
            Runnable stop = signals.listen(personId,
                    id -> ui.access(() -> component.getElement().executeJs("this.$server.inboxChanged()")));
            component.addDetachListener(detached -> {
                stop.run();
                detached.unregisterListener();
            });
        });
    }
}
