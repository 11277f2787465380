package engawa.portal.webhooks;

import engawa.db.webhooks.WebhookOutbox;
import engawa.db.webhooks.WebhookOutbox.NewEvent;
import engawa.portal.shared.TimeOrderedIds;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes every {@link WebhookEvent} a feature publishes to the outbox, in the publisher's own
 * transaction: nothing is lost for a committed change, nothing is sent for a rolled-back one.
 * Events are gathered and written together just before the commit (and every
 * {@value #FLUSH_AT} events), so an import that publishes thousands costs a few statements, not
 * one round trip per event.
 */
@Component
class OutboxWriter {

    static final int FLUSH_AT = 500;

    private final WebhookOutbox outbox;
    private final EventJson json;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;

    OutboxWriter(WebhookOutbox outbox, EventJson json, WebhookDispatcher dispatcher, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @EventListener
    void on(WebhookEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("An event is published inside the transaction that makes it true;"
                    + " there is none for " + event.type().id());
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.events.add(new NewEvent(TimeOrderedIds.next(clock), event.type().id(), clock.instant(),
                json.write(event, false), event.scopes()));
        if (pending.events.size() >= FLUSH_AT) {
            pending.write();
        }
    }

    /** The events of one transaction not written yet. */
    private final class Pending implements TransactionSynchronization {

        final List<NewEvent> events = new ArrayList<>();
        int deliveries;

        void write() {
            if (!events.isEmpty()) {
                deliveries += outbox.appendAll(events);
                events.clear();
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            write();
        }

        @Override
        public void afterCommit() {
            if (deliveries > 0) {
                // this instance starts at once; others find the rows on their next poll
                dispatcher.wake();
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(OutboxWriter.this);
        }
    }
}
