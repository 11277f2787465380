package engawa.integrations.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    /** A random source stuck at a given value in [0, 1): 0.5 means no jitter. */
    static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void without_jitter_the_schedule_is_the_industrys() {
        RetrySchedule schedule = new RetrySchedule(1, fixed(0.5));
        assertThat(schedule.attempts()).isEqualTo(8);
        assertThat(schedule.delayAfter(0, Optional.empty())).contains(Duration.ZERO);
        assertThat(schedule.delayAfter(1, Optional.empty())).contains(Duration.ofSeconds(5));
        assertThat(schedule.delayAfter(2, Optional.empty())).contains(Duration.ofMinutes(5));
        assertThat(schedule.delayAfter(3, Optional.empty())).contains(Duration.ofMinutes(30));
        assertThat(schedule.delayAfter(4, Optional.empty())).contains(Duration.ofHours(2));
        assertThat(schedule.delayAfter(5, Optional.empty())).contains(Duration.ofHours(5));
        assertThat(schedule.delayAfter(6, Optional.empty())).contains(Duration.ofHours(10));
        assertThat(schedule.delayAfter(7, Optional.empty())).contains(Duration.ofHours(10));
        assertThat(schedule.delayAfter(8, Optional.empty())).as("after eight attempts the delivery is dead").isEmpty();
    }

    @RepeatedTest(20)
    void jitter_stays_within_a_fifth_either_way() {
        RetrySchedule schedule = new RetrySchedule(1);
        Duration delay = schedule.delayAfter(2, Optional.empty()).orElseThrow();
        assertThat(delay).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));
    }

    @Test
    void the_scale_compresses_a_day_into_seconds() {
        RetrySchedule compressed = new RetrySchedule(0.001, fixed(0.5));
        assertThat(compressed.delayAfter(6, Optional.empty())).contains(Duration.ofSeconds(36));
        Duration total = Duration.ZERO;
        for (int attempt = 0; attempt < compressed.attempts(); attempt++) {
            total = total.plus(compressed.delayAfter(attempt, Optional.empty()).orElseThrow());
        }
        assertThat(total).isBetween(Duration.ofSeconds(99), Duration.ofSeconds(100));
    }

    @Test
    void a_longer_retry_after_wins_but_not_beyond_a_day() {
        RetrySchedule schedule = new RetrySchedule(1, fixed(0.5));
        assertThat(schedule.delayAfter(1, Optional.of(Duration.ofMinutes(2)))).contains(Duration.ofMinutes(2));
        assertThat(schedule.delayAfter(3, Optional.of(Duration.ofMinutes(2)))).contains(Duration.ofMinutes(30));
        assertThat(schedule.delayAfter(1, Optional.of(Duration.ofDays(30)))).contains(Duration.ofDays(1));
    }

    @Test
    void a_scale_that_is_not_a_positive_number_is_refused() {
        assertThatThrownBy(() -> new RetrySchedule(0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new RetrySchedule(Double.NaN)).hasMessageContaining("positive");
    }
}
