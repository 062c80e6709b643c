package io.wirestream.subscriptions;

import java.util.Set;
import java.util.TreeSet;

/**
 * Who may read a story, by the fan-out's rule (subscriber-service README, "How a story reaches a subscriber"):
 *
 * <ol>
 *   <li><b>First by entitlement.</b> A subscriber may start reading a story at a version that may start a delivery
 *       (usable, update, correction, advisory: {@link EditorialState#isDeliverableFirst()}) and that one of its
 *       products admits;</li>
 *   <li><b>then for good.</b> Once it could read the story, every later version, correction, withheld notice and the
 *       kill stays readable to it, whether or not they still match its products (a kill carries no subjects).</li>
 * </ol>
 * A store records step 2 as a grant (story, subscriber) that is never taken back; {@link #starts} is step 1.
 */
public final class ReadEntitlement {

    private ReadEntitlement() {}

    /** Whether this version lets the subscriber start reading the story (rule 1). */
    public static boolean starts(Subscriber subscriber, StoryFacets version) {
        if (!version.state().isDeliverableFirst()) {
            return false;
        }
        for (Product p : subscriber.products()) {
            if (p.matches(version)) {
                return true;
            }
        }
        return false;
    }

    /** The subscribers this version lets start reading the story, by id. */
    public static Set<String> startingWith(SubscriberConfig config, StoryFacets version) {
        Set<String> ids = new TreeSet<>();
        if (!version.state().isDeliverableFirst()) {
            return ids;
        }
        for (Subscriber s : config.subscribers()) {
            if (starts(s, version)) {
                ids.add(s.id());
            }
        }
        return ids;
    }

    /** Whether the subscriber may read the story now: it was granted before (rule 2), or this version starts it (rule 1). */
    public static boolean readable(boolean grantedBefore, Subscriber subscriber, StoryFacets current) {
        return grantedBefore || starts(subscriber, current);
    }

    /**
     * A digest of what decides the subscriber's grants (its products), the same on every run; when it changes, the
     * stories a store holds are looked at again for that subscriber.
     */
    public static String rulesDigest(Subscriber subscriber) {
        StringBuilder text = new StringBuilder();
        subscriber.products().stream().map(Product::canonical).sorted().forEach(p -> text.append(p).append('\n'));
        return io.wirestream.newsformats.hash.Sha256.hex(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
