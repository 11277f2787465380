package engawa.portal.people;

import engawa.db.people.ApiTokenLookup;
import engawa.portal.shared.DatabaseSignals;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;

/**
 * The rights every request acts with (an API token and its owner; a browser session's person),
 * held in memory so that a request needs no database round trip to know who is calling, and still
 * the rights as stored now: whatever changes them tells every instance (the database's
 * {@code engawa_rights} signal, decision 021), and this instance forgets that person at once after
 * its own changes commit ({@link RightsChanges}).
 *
 * <p>Nothing is kept, and nothing kept is used, while this instance is not proved to be hearing the
 * signals (connection lost, database away): then every request reads the database as before. An
 * entry also lives at most {@link #MAX_AGE_NANOS}, a bound for what no one foresaw. Unknown tokens
 * are never kept, so made-up tokens cannot fill the memory.
 */
@Component
class RightsCache {

    static final String CHANNEL = "engawa_rights";
    /** Monotonic time, not the injected clock: an age in memory, not a moment people see. */
    private static final long MAX_AGE_NANOS = 60_000_000_000L;
    private static final int MAX_ENTRIES = 20_000;

    private record Entry<V>(V value, long userId, long keptAt) {
    }

    private final DatabaseSignals signals;
    private final Map<String, Entry<ApiTokenLookup.Match>> tokens = new ConcurrentHashMap<>();
    private final Map<String, Entry<ApiTokenLookup.Rights>> people = new ConcurrentHashMap<>();
    /** Moves on with every forgetting, so that a read that began before it keeps nothing (see keep). */
    private long generation;

    RightsCache(DatabaseSignals signals) {
        this.signals = signals;
        signals.subscribe(CHANNEL, new DatabaseSignals.Subscriber() {
            @Override
            public void heard(String payload) {
                forget(Long.parseLong(payload.strip()));
            }

            @Override
            public void missedSome() {
                forgetAll();
            }
        });
    }

    /** A token by the hash of its secret, from memory or else from {@code load}. */
    Optional<ApiTokenLookup.Match> token(String hash, Supplier<Optional<ApiTokenLookup.Match>> load) {
        return cached(tokens, hash, load, ApiTokenLookup.Match::userId);
    }

    /** After a token's last use was written: the kept entry says so, so that it is not written again at once. */
    void tokenUsed(String hash, ApiTokenLookup.Match used) {
        tokens.computeIfPresent(hash, (h, e) -> new Entry<>(used, e.userId(), e.keptAt()));
    }

    /** A person's rights by username, from memory or else from {@code load}. */
    Optional<ApiTokenLookup.Rights> rights(String username, Supplier<Optional<ApiTokenLookup.Rights>> load) {
        return cached(people, username, load, ApiTokenLookup.Rights::userId);
    }

    private <V> Optional<V> cached(Map<String, Entry<V>> map, String key, Supplier<Optional<V>> load,
            ToLongFunction<V> userOf) {
        if (!signals.listening()) {
            return load.get();
        }
        Entry<V> entry = map.get(key);
        if (entry != null && System.nanoTime() - entry.keptAt() < MAX_AGE_NANOS) {
            return Optional.of(entry.value());
        }
        long before = generation();
        Optional<V> loaded = load.get();
        loaded.ifPresent(value -> keep(map, key, value, userOf.applyAsLong(value), before));
        return loaded;
    }

    /**
     * Keeps what was read unless someone's rights changed while it was read (it may be the old
     * state) or signals stopped meanwhile; under the same lock as forgetting, so that nothing
     * forgotten is put back.
     */
    private synchronized <V> void keep(Map<String, Entry<V>> map, String key, V value, long userId, long readFrom) {
        if (generation == readFrom && signals.listening()) {
            if (map.size() >= MAX_ENTRIES) {
                map.clear();
            }
            map.put(key, new Entry<>(value, userId, System.nanoTime()));
        }
    }

    private synchronized long generation() {
        return generation;
    }

    synchronized void forget(long userId) {
        generation++;
        tokens.values().removeIf(e -> e.userId() == userId);
        people.values().removeIf(e -> e.userId() == userId);
    }

    synchronized void forgetAll() {
        generation++;
        tokens.clear();
        people.clear();
    }
}
