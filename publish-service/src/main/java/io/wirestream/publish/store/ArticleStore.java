package io.wirestream.publish.store;

import org.apache.kafka.common.TopicPartition;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A downstream store of finished articles.
 *
 * <p>Contract shared by every implementation:
 * <ul>
 *   <li>{@link #apply} takes a batch in topic order and applies all of it or none of it, together with the position
 *       after the batch, so {@link #storedOffsets()} tells a restarted consumer exactly where to continue;</li>
 *   <li>a story never moves to an older version ({@link StoryVersionGuard}); replays are no-ops;</li>
 *   <li>a kill withdraws the story or deletes its content ({@link KillMode});</li>
 *   <li>a version whose embargo lies after {@code now} is stored but not visible to any read until
 *       {@link #releaseDueEmbargoes} runs at or after its embargo time (reads also check the time themselves).</li>
 * </ul>
 * Failures to reach the store surface as {@link StoreUnavailableException}. Implementations are safe for one writer
 * thread plus concurrent readers.
 */
public interface ArticleStore extends AutoCloseable {

    /** Short name used in configuration, consumer group ids and logs: sqlite, postgres, files. */
    String name();

    /** Creates or migrates what the store needs; may be called again after a failure. */
    void open();

    /** Applies the batch and the positions after it atomically. */
    ApplyResult apply(List<IncomingRecord> batch, Instant now);

    /** The next offset to read per partition, as last committed with the data. Absent partitions start from the beginning. */
    Map<TopicPartition, Long> storedOffsets();

    /** Makes embargoed versions that are now due visible (and gives them a new change cursor); returns how many. */
    int releaseDueEmbargoes(Instant now);

    /** The story if it is visible at {@code now}: embargoed versions not yet due are absent. Killed stories are returned with their status. */
    Optional<StoredArticle> get(String uri, Instant now);

    /** Changes visible at {@code now} after the cursor, oldest first. */
    ChangePage changesSince(long cursor, int limit, Instant now);

    /** Full-text search over headline and body of usable, visible stories. */
    List<SearchHit> search(String query, int limit, Instant now);

    /**
     * Of these story ids, the ones this store holds but must not show to a reader at {@code now}: killed, withheld,
     * or under an embargo not yet due. Ids the store does not hold are not in the answer. The read API uses it to
     * keep such stories out of other stories' related links and cluster lists.
     */
    default java.util.Set<String> hiddenAmong(java.util.Collection<String> uris, Instant now) {
        throw new UnsupportedOperationException(name() + " store does not answer queries");
    }

    /** What became of the ingested item with this receipt id, as far as this store has heard. */
    default Optional<ItemFate> itemFate(String itemId) {
        throw new UnsupportedOperationException(name() + " store does not answer queries");
    }

    /**
     * Whether the subscriber may read the story: the store granted it when a version one of its products admits was
     * written, or when the subscribers file changed (a grant is never taken back, so a kill reaches those who could
     * read the story).
     */
    default boolean readableBy(String uri, String subscriberId) {
        throw new UnsupportedOperationException(name() + " store does not answer queries");
    }

    /**
     * Changes after the cursor in this scope, oldest first. For a subscriber at most {@code scanLimit} changes are
     * looked at per call, so a long run of stories it may not read cannot make one request slow; {@code nextCursor}
     * then moves past what was looked at, and the page may hold fewer than {@code limit} changes, or none.
     */
    default ChangePage changesSince(long cursor, int limit, Instant now, ReadScope scope, int scanLimit) {
        if (scope.isEverything()) {
            return changesSince(cursor, limit, now);
        }
        throw new UnsupportedOperationException(name() + " store does not answer queries");
    }

    /** {@link #search} in this scope. */
    default List<SearchHit> search(String query, int limit, Instant now, ReadScope scope) {
        if (scope.isEverything()) {
            return search(query, limit, now);
        }
        throw new UnsupportedOperationException(name() + " store does not answer queries");
    }

    /** {@link #hiddenAmong(java.util.Collection, Instant)} plus, for a subscriber, the held stories it may not read. */
    default java.util.Set<String> hiddenAmong(java.util.Collection<String> uris, Instant now, ReadScope scope) {
        if (scope.isEverything()) {
            return hiddenAmong(uris, now);
        }
        throw new UnsupportedOperationException(name() + " store does not answer queries");
    }

    /**
     * Grants reads to the subscribers whose products changed in the subscribers file since the store last looked
     * (new subscribers included), on the stories it holds; returns how many grants were made. A no-op without a
     * subscribers file. The writer calls it on its own thread.
     */
    default int refreshReadGrants(Instant now) {
        return 0;
    }

    /** Whether reads are supported beyond {@link #get}: the file store only serves files. */
    default boolean supportsQueries() {
        return true;
    }

    StoreHealth health();

    @Override
    void close();
}
