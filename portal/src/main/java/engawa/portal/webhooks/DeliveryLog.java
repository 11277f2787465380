package engawa.portal.webhooks;

import engawa.db.webhooks.DeliveryRow;
import engawa.db.webhooks.DeliveryStatus;
import engawa.db.webhooks.WebhookDeliveries;
import engawa.db.webhooks.WebhookSubscriptions;
import engawa.portal.people.Callers;
import engawa.portal.people.Callers.Caller;
import engawa.portal.shared.UserFacingException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What happened to each delivery, attempt by attempt; people see their own, admins all. */
@Service
@PreAuthorize("isAuthenticated()")
public class DeliveryLog {

    private final WebhookDeliveries deliveries;
    private final WebhookSubscriptions subscriptions;
    private final WebhookDispatcher dispatcher;
    private final Callers callers;
    private final Clock clock;

    DeliveryLog(WebhookDeliveries deliveries, WebhookSubscriptions subscriptions, WebhookDispatcher dispatcher,
            Callers callers, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.dispatcher = dispatcher;
        this.callers = callers;
        this.clock = clock;
    }

    /** Newest first; {@code status} and {@code subscriptionId} are optional filters. */
    @Transactional(readOnly = true)
    public List<DeliveryRow> list(DeliveryStatus status, UUID subscriptionId, Pageable pageable) {
        return deliveries.list(status, subscriptionId, WebhookSubscriptionService.scope(callers.current()),
                (int) pageable.getOffset(), pageable.getPageSize());
    }

    @Transactional(readOnly = true)
    public long count(DeliveryStatus status, UUID subscriptionId) {
        return deliveries.count(status, subscriptionId, WebhookSubscriptionService.scope(callers.current()));
    }

    @Transactional(readOnly = true)
    public DeliveryRow get(long id) {
        return visible(id);
    }

    /** A delivery with every attempt, oldest first, read once. */
    @Transactional(readOnly = true)
    public DeliveryDetails details(long id) {
        DeliveryRow delivery = visible(id);
        return new DeliveryDetails(delivery, deliveries.attempts(delivery));
    }


    /**
     * Sends a delivery again now, with a fresh round of retries; also for delivered ones (a
     * receiver that lost the event). Not while its subscription is off: turn that on first.
     */
    @Transactional
    public DeliveryRow redeliver(long id) {
        DeliveryRow delivery = visible(id);
        boolean live = subscriptions.find(delivery.subscriptionId()).map(s -> s.enabled()).orElse(false);
        if (!live) {
            throw UserFacingException.conflict("webhooks.redeliver.subscriptionOff");
        }
        deliveries.redeliver(id, clock.instant());
        dispatcher.wakeAfterCommit();
        return deliveries.find(id).orElseThrow();
    }

    private DeliveryRow visible(long id) {
        Caller caller = callers.current();
        return deliveries.find(id).filter(d -> caller.mayManage(d.ownerId()))
                .orElseThrow(() -> UserFacingException.notFound("webhooks.delivery.notFound", id));
    }
}
