package engawa.portal.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests can move forward, to see tokens expire without waiting. It stands still within a
 * test, and is set back to the real time before each test ({@link ClockReset}), so that no test
 * runs in a future another test moved to.
 */
public class MutableClock extends Clock {

    private volatile Instant now = Instant.now();

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** To a given moment (a Monday morning in Tokyo): set back by {@link ClockReset} after the test. */
    public void set(Instant instant) {
        now = instant;
    }

    public void reset() {
        now = Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
