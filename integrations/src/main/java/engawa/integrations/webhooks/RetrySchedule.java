package engawa.integrations.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again. The industry's schedule (Svix): at once, then after 5 s,
 * 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, about 28 hours in all; each delay varies by up to ±20 %
 * so that many deliveries failing together do not retry in lockstep. {@code scale} multiplies
 * every delay ({@code ENGAWA_WEBHOOKS_RETRY_SCALE}), so tests can compress a day into seconds.
 * A receiver's {@code Retry-After} is honoured when it asks for longer, up to a day.
 */
public final class RetrySchedule {

    public static final List<Duration> DELAYS = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
    static final double JITTER = 0.2;
    static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private final double scale;
    private final RandomGenerator random;

    public RetrySchedule(double scale, RandomGenerator random) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("The retry scale must be a positive number, e.g. 1 or 0.001");
        }
        this.scale = scale;
        this.random = random;
    }

    public RetrySchedule(double scale) {
        this(scale, RandomGenerator.getDefault());
    }

    /** How many attempts a delivery gets in all. */
    public int attempts() {
        return DELAYS.size();
    }

    /**
     * The wait before attempt {@code attemptsMade + 1}, or empty when {@code attemptsMade} attempts
     * were all there is: the delivery is then dead.
     */
    public Optional<Duration> delayAfter(int attemptsMade, Optional<Duration> retryAfter) {
        if (attemptsMade < 0) {
            throw new IllegalArgumentException("attemptsMade must be 0 or more");
        }
        if (attemptsMade >= DELAYS.size()) {
            return Optional.empty();
        }
        Duration base = DELAYS.get(attemptsMade);
        double factor = 1 + (random.nextDouble() * 2 - 1) * JITTER;
        Duration scheduled = Duration.ofNanos(Math.round(base.toNanos() * factor * scale));
        Duration asked = retryAfter.map(d -> d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d)
                .map(d -> Duration.ofNanos(Math.round(d.toNanos() * scale)))
                .orElse(Duration.ZERO);
        return Optional.of(scheduled.compareTo(asked) >= 0 ? scheduled : asked);
    }
}
