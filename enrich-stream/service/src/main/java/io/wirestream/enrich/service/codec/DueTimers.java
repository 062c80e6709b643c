package io.wirestream.enrich.service.codec;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One processor's timer store: due keys ({@link DueTimeKey}: due time, then a subject) with a value, and the
 * {@link DueScanFloor} that lets a tick read only what was filed since the previous one. It owns both, so no due key
 * can go into the store without the floor hearing of it: a key filed behind the floor's back, below it, would never
 * be read, and its story would wait for ever (a timer that never fires). Each processor makes one when its stores are
 * opened; a new processor instance (a restart, a rebalance) starts with the floor at the beginning of time.
 *
 * <p>Markers (keys starting with {@code '~'}, which sort after every due key and so are never read as due) record
 * that a one-off migration of the store's contents ran.
 *
 * @param <V> what each timer carries (its due time, or the subject's uri)
 */
public final class DueTimers<V> {

    private final KeyValueStore<String, V> store;
    private final DueScanFloor floor = new DueScanFloor();

    public DueTimers(KeyValueStore<String, V> store) {
        this.store = store;
    }

    /** Files a timer for {@code subject} at {@code dueMillis}. The only way a due key goes into the store. */
    public void file(long dueMillis, String subject, V value) {
        store.put(DueTimeKey.of(dueMillis, subject), value);
        floor.filed(dueMillis);
    }

    /** Removes the timer filed for {@code subject} at {@code dueMillis}, if there is one (a changelog tombstone either way). */
    public void cancel(long dueMillis, String subject) {
        store.put(DueTimeKey.of(dueMillis, subject), null);
    }

    /**
     * As {@link #cancel}, but writes nothing when no such timer is filed: a delete of an absent key still sends a
     * tombstone to the changelog, which costs a record where a story has only one of several possible timers.
     */
    public void cancelIfFiled(long dueMillis, String subject) {
        String key = DueTimeKey.of(dueMillis, subject);
        if (store.get(key) != null) {
            store.put(key, null);
        }
    }

    /** Removes and returns every timer due at or before {@code millis}, earliest first. */
    public List<KeyValue<String, V>> takeDueBy(long millis) {
        if (!floor.mayHoldDueBy(millis)) {
            return List.of();
        }
        List<KeyValue<String, V>> due = read(DueTimeKey.dueBy(millis));
        floor.readThrough(millis);
        return due;
    }

    /** Removes and returns every timer due before {@code millis}, earliest first. */
    public List<KeyValue<String, V>> takeDueBefore(long millis) {
        if (!floor.mayHoldDueBy(millis - 1)) {
            return List.of();
        }
        List<KeyValue<String, V>> due = read(DueTimeKey.dueBefore(millis));
        floor.readBefore(millis);
        return due;
    }

    /** Reads the range from the floor, then deletes what it read (after the read: no write while the iterator is open). */
    private List<KeyValue<String, V>> read(String to) {
        List<KeyValue<String, V>> due = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.range(floor.from(), to)) {
            it.forEachRemaining(due::add);
        }
        for (KeyValue<String, V> entry : due) {
            store.put(entry.key, null);
        }
        return due;
    }

    public boolean marked(String marker) {
        return store.get(requireMarker(marker)) != null;
    }

    public void mark(String marker, V value) {
        store.put(requireMarker(marker), value);
    }

    /**
     * Every entry, for a one-off migration of keys an older release wrote in another layout; such a key is
     * {@link #removeLegacy removed} and its timer filed again through {@link #file}.
     */
    public KeyValueIterator<String, V> all() {
        return store.all();
    }

    /** Removes a key an older release wrote (see {@link #all}); never a way to file one. */
    public void removeLegacy(String key) {
        store.delete(key);
    }

    private static String requireMarker(String marker) {
        if (!marker.startsWith("~")) {
            throw new IllegalArgumentException("a marker starts with '~', so no scan of due times reads it: " + marker);
        }
        return marker;
    }
}
