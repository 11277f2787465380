package engawa.portal.webhooks;

import engawa.db.webhooks.AttemptRecord;
import engawa.db.webhooks.DeliveryStatus;
import engawa.db.webhooks.DueDelivery;
import engawa.db.webhooks.WebhookDeliveries;
import engawa.integrations.webhooks.DeliveryOutcome;
import engawa.integrations.webhooks.DeliveryResult;
import engawa.integrations.webhooks.RetrySchedule;
import engawa.integrations.webhooks.WebhookRequest;
import engawa.integrations.webhooks.WebhookSecret;
import engawa.integrations.webhooks.WebhookSender;
import engawa.portal.shared.SecretBox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries. Each worker claims a batch with {@code FOR UPDATE SKIP LOCKED} and keeps
 * that transaction open while it sends the batch (concurrently, one virtual thread per delivery)
 * and records the results. So several instances on one database never send the same delivery at
 * the same time, and when an instance dies its connection drops, PostgreSQL releases its rows and
 * another worker sends them again: at least once, with the event id as {@code webhook-id} for the
 * receiver to drop the rare duplicate.
 */
@Component
public class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final SecretBox secrets;
    private final WebhookProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ReceiverHealth receivers;
    private final SubscriberRights subscriberRights;
    private final org.springframework.beans.factory.ObjectProvider<SendTimeData> sendTimeData;
    private final engawa.db.webhooks.WebhookSubscriptions subscriptions;
    /** Looked up at first use: listeners publish events, which needs this dispatcher (a cycle at construction). */
    private final org.springframework.beans.factory.ObjectProvider<DeliveryListener> listenerProvider;
    private volatile List<DeliveryListener> listeners;
    private final ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor();
    /** All workers' sends together; beyond a few dozen in flight the CPU only juggles connections. */
    private final Semaphore inFlight;
    /** Opened secrets by subscription: a subscription's secret never changes, and opening costs a cipher per send. */
    private final Map<UUID, WebhookSecret> openedSecrets = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;
    private boolean woken;

    WebhookDispatcher(WebhookDeliveries deliveries, WebhookSender sender,
            RetrySchedule schedule, SecretBox secrets, WebhookProperties properties, PlatformTransactionManager transactions,
            Clock clock, MeterRegistry meters, ReceiverHealth receivers, SubscriberRights subscriberRights,
            engawa.db.webhooks.WebhookSubscriptions subscriptions,
            org.springframework.beans.factory.ObjectProvider<SendTimeData> sendTimeData,
            org.springframework.beans.factory.ObjectProvider<DeliveryListener> listeners) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.schedule = schedule;
        this.secrets = secrets;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.inFlight = new Semaphore(properties.maxInFlight());
        this.meters = meters;
        this.receivers = receivers;
        this.subscriberRights = subscriberRights;
        this.sendTimeData = sendTimeData;
        this.subscriptions = subscriptions;
        this.listenerProvider = listeners;
        Gauge.builder("engawa.webhooks.in.flight", inFlight,
                        s -> properties.maxInFlight() - s.availablePermits())
                .description("Webhook requests on the wire now").register(meters);
    }

    /** With ENGAWA_WEBHOOKS_DISPATCH=false this instance sends nothing unless started by hand. */
    @Override
    public boolean isAutoStartup() {
        return properties.dispatch();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < properties.workers(); i++) {
            workers.add(Thread.ofPlatform().name("webhook-dispatch-" + i).daemon().start(this::work));
        }
        log.info("Webhook dispatch started: {} workers, batches of {}", properties.workers(), properties.batchSize());
    }

    /** Lets the batches in flight finish (the call timeout bounds them), then stops. */
    @Override
    public synchronized void stop() {
        running = false;
        wakeAll();
        for (Thread worker : workers) {
            try {
                worker.join(properties.callTimeout().plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Something was published here: look now instead of at the next poll. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notify();
        }
    }

    /** Wakes this instance once the current transaction has committed what there is to send. */
    public void wakeAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wake();
            }
        });
    }

    private void wakeAll() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void work() {
        while (running) {
            int sent;
            try {
                sent = dispatchOnce();
            } catch (RuntimeException e) {
                // database away or a bug: the batch rolled back and its rows are due again
                log.warn("Webhook dispatch failed; trying again shortly: {}", e.toString());
                sent = 0;
            }
            if (sent == properties.batchSize()) {
                wake(); // probably more waiting: let a sleeping colleague help
            } else {
                idle();
            }
        }
    }

    private void idle() {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(properties.pollInterval().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    /**
     * Claims, sends and records one batch.
     *
     * @return how many deliveries the batch held
     */
    public int dispatchOnce() {
        Integer count = transactions.execute(status -> {
            List<DueDelivery> due = deliveries.claimDue(clock.instant(), properties.batchSize());
            if (!due.isEmpty()) {
                process(due);
            }
            return due.size();
        });
        return count == null ? 0 : count;
    }

    private void process(List<DueDelivery> due) {
        Map<Long, String> offline = new LinkedHashMap<>();
        List<DueDelivery> live = new ArrayList<>(due.size());
        SubscriberRights.Check rights = subscriberRights.forBatch();
        for (DueDelivery delivery : due) {
            Optional<String> refusal = delivery.subscriptionLive() ? rights.refusal(delivery) : Optional.empty();
            if (refusal.isPresent()) {
                // their rights are gone: this event stays with us, and the subscription stops until its owner looks
                offline.put(delivery.id(), refusal.get());
                subscriptions.disable(delivery.subscriptionId(), refusal.get(), clock.instant());
            } else if (delivery.subscriptionLive()) {
                live.add(delivery);
            } else {
                offline.put(delivery.id(), "Not sent: the subscription is off. " + delivery.disabledReason());
            }
        }
        List<CompletableFuture<Sent>> inFlight = live.stream()
                .map(d -> CompletableFuture.supplyAsync(() -> sendWhenAllowed(d), sends))
                .toList();
        List<Sent> results = inFlight.stream().map(CompletableFuture::join).toList();

        List<AttemptRecord> records = new ArrayList<>(results.size());
        Map<UUID, ReceiverHealth.Batch> health = new LinkedHashMap<>();
        for (Sent sent : results) {
            records.add(record(sent));
            health.computeIfAbsent(sent.delivery().subscriptionId(),
                    id -> new ReceiverHealth.Batch(id, sent.delivery().failingSince()))
                    .add(sent.attemptedAt(), sent.result());
        }
        deliveries.record(records);
        deliveries.bury(offline);
        tellListeners(due, records, offline);
        // the same order in every worker, so two batches touching the same subscriptions cannot deadlock
        health.values().stream().sorted(Comparator.comparing(ReceiverHealth.Batch::subscription)).forEach(receivers::update);
    }

    /** Tells the owners of private targets (recipe runs) what became of their deliveries. */
    private void tellListeners(List<DueDelivery> due, List<AttemptRecord> records, Map<Long, String> offline) {
        List<DeliveryListener> listeners = this.listeners;
        if (listeners == null) {
            listeners = listenerProvider.orderedStream().toList();
            this.listeners = listeners;
        }
        if (listeners.isEmpty()) {
            return;
        }
        Map<Long, DueDelivery> byId = new LinkedHashMap<>();
        due.forEach(d -> byId.put(d.id(), d));
        List<DeliveryListener.Settled> settled = new ArrayList<>();
        for (AttemptRecord r : records) {
            DueDelivery d = byId.get(r.deliveryId());
            if (PrivateTargets.TYPE.equals(d.eventType())) {
                settled.add(new DeliveryListener.Settled(d.eventId(), outcome(r.newStatus()), r.statusCode(),
                        r.newStatus() == DeliveryStatus.DEAD ? r.stoppedReason() : r.error(), r.attemptedAt()));
            }
        }
        offline.forEach((id, reason) -> {
            DueDelivery d = byId.get(id);
            if (PrivateTargets.TYPE.equals(d.eventType())) {
                settled.add(new DeliveryListener.Settled(d.eventId(), DeliveryListener.Outcome.GAVE_UP, 0, reason,
                        clock.instant()));
            }
        });
        if (!settled.isEmpty()) {
            listeners.forEach(l -> l.settled(settled));
        }
    }

    private static DeliveryListener.Outcome outcome(DeliveryStatus status) {
        return switch (status) {
            case DELIVERED -> DeliveryListener.Outcome.DELIVERED;
            case DEAD -> DeliveryListener.Outcome.GAVE_UP;
            default -> DeliveryListener.Outcome.WILL_RETRY;
        };
    }

    private Sent sendWhenAllowed(DueDelivery delivery) {
        inFlight.acquireUninterruptibly();
        try {
            return send(delivery);
        } finally {
            inFlight.release();
        }
    }

    private Sent send(DueDelivery delivery) {
        Instant attemptedAt = clock.instant();
        DeliveryResult result;
        try {
            WebhookSecret secret = secret(delivery);
            result = sender.send(new WebhookRequest(URI.create(delivery.targetUrl()), delivery.eventId().toString(),
                    attemptedAt, body(delivery, completed(delivery)), secret));
        } catch (RuntimeException e) {
            // a secret that cannot be opened (key changed) or a bug: recorded and retried like any failure
            log.warn("Delivery {} could not be sent: {}", delivery.id(), e.toString());
            result = new DeliveryResult(DeliveryOutcome.RETRY, 0, Duration.ZERO,
                    "Engawa could not send this delivery: " + e.getMessage(), "", Optional.empty());
        }
        return new Sent(delivery, attemptedAt, result);
    }

    private WebhookSecret secret(DueDelivery delivery) {
        WebhookSecret secret = openedSecrets.get(delivery.subscriptionId());
        if (secret == null) {
            if (openedSecrets.size() > 10_000) {
                openedSecrets.clear(); // deleted subscriptions must not pile up
            }
            secret = new WebhookSecret(secrets.open(delivery.secretEncrypted()));
            openedSecrets.put(delivery.subscriptionId(), secret);
        }
        return secret;
    }

    /** {@code {"id","type","timestamp","data"}}; ids and types are our own, so no escaping is needed. */
    static byte[] body(DueDelivery delivery, String dataJson) {
        return ("{\"id\":\"" + delivery.eventId() + "\",\"type\":\"" + delivery.eventType() + "\",\"timestamp\":\""
                + DateTimeFormatter.ISO_INSTANT.format(delivery.occurredAt()) + "\",\"data\":" + dataJson + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The data with what is filled in only when sending (a run's callback token). */
    private String completed(DueDelivery delivery) {
        String data = delivery.dataJson();
        for (SendTimeData filler : sendTimeData.orderedStream().toList()) {
            if (filler.handles(delivery.eventType())) {
                data = filler.complete(data);
            }
        }
        return data;
    }

    private AttemptRecord record(Sent sent) {
        DueDelivery delivery = sent.delivery();
        DeliveryResult result = sent.result();
        int attempts = delivery.attempts() + 1;
        DeliveryStatus status;
        Instant next = null;
        String stopped = null;
        if (result.delivered()) {
            status = DeliveryStatus.DELIVERED;
        } else if (result.outcome() == DeliveryOutcome.GONE) {
            status = DeliveryStatus.DEAD;
            stopped = "The receiver answered 410 Gone: it wants no more of these events, so the subscription was turned off.";
        } else {
            Optional<Duration> delay = schedule.delayAfter(attempts, result.retryAfter());
            if (delay.isPresent()) {
                status = DeliveryStatus.FAILED;
                next = sent.attemptedAt().plus(delay.get());
            } else {
                status = DeliveryStatus.DEAD;
                stopped = "Gave up after " + attempts + " attempts over the retry schedule. Fix the receiver, then send it again.";
            }
        }
        // what operators watch: attempts by result, and how long receivers take
        meters.counter("engawa.webhooks.attempts", "result", status.name().toLowerCase(Locale.ROOT)).increment();
        meters.timer("engawa.webhooks.attempt.latency").record(result.latency());
        return new AttemptRecord(delivery.id(), sent.attemptedAt(), result.statusCode(),
                (int) Math.min(Integer.MAX_VALUE, result.latency().toMillis()), result.error(), result.responseExcerpt(),
                status, attempts, next, stopped);
    }

    private record Sent(DueDelivery delivery, Instant attemptedAt, DeliveryResult result) {
    }

    @Override
    public int getPhase() {
        // stop before the web server and the database go away, start after them
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }
}
