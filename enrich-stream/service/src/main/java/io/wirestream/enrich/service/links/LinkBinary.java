package io.wirestream.enrich.service.links;

import io.wirestream.enrich.service.codec.StateCodec;
import io.wirestream.enrich.service.codec.StateReader;
import io.wirestream.enrich.service.codec.StateWriter;
import io.wirestream.enrich.tagging.related.KeyHits;
import io.wirestream.enrich.tagging.related.Posting;
import io.wirestream.enrich.tagging.related.ProfileKey;
import io.wirestream.enrich.tagging.related.StoryProfile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;

/**
 * Compact binary form of the links stage's internal records (index postings, messages between its tasks, collected
 * parts). Profiling a 1,000-item burst put JSON encoding and parsing of these at 40 % of the stream thread's time;
 * they are read far more often than written (every probe reads up to a key's whole bounded posting list), so they
 * are now {@link StateCodec} records. Records written as JSON by earlier versions are still read, so in-flight
 * topics and stores need no migration.
 */
final class LinkBinary {

    private LinkBinary() {
    }

    static Serde<Posting> postings() {
        return serde(Posting.class, LinkBinary::writePosting, LinkBinary::readPosting);
    }

    static Serde<LinkMessage> messages() {
        return serde(LinkMessage.class, LinkBinary::writeMessage, LinkBinary::readMessage);
    }

    static Serde<LinkParts.Part> parts() {
        return serde(LinkParts.Part.class, LinkBinary::writePart, LinkBinary::readPart);
    }

    private static <T> Serde<T> serde(Class<T> type, StateWriter.Field<T> writer, StateReader.Field<T> reader) {
        return StateCodec.of(type.getSimpleName(), writer, reader).readingLegacyJson(type);
    }

    /** Bits of the byte after a message's former fields (issue 16): which of the newer fields follow. */
    private static final int TRAILER_KEYS = 1;
    private static final int TRAILER_ANSWERS = 2;
    private static final int TRAILER_PROBES = 4;

    /** Bit of the headline's presence byte saying that a visible-from time follows (issue 15). */
    private static final int HAS_VISIBLE_FROM = 2;

    /**
     * A released posting is written exactly as before editorial state existed; one that is not yet (or never)
     * visible sets a second bit in the headline's presence byte and appends its visible-from time. Postings written
     * before have only 0 or 1 there, and read as released.
     */
    static void writePosting(StateWriter out, Posting p) throws IOException {
        out.writeUTF(p.uri());
        out.writeLong(p.version());
        out.writeLong(p.timeMillis());
        boolean gated = p.visibleFromMillis() != 0;
        out.writeByte((p.headline() != null ? 1 : 0) | (gated ? HAS_VISIBLE_FROM : 0));
        if (p.headline() != null) {
            out.writeText(p.headline());
        }
        out.writeNullableText(p.clusterId());
        out.writeDouble(p.norm());
        out.writeDouble(p.weight());
        if (gated) {
            out.writeLong(p.visibleFromMillis());
        }
    }

    static Posting readPosting(StateReader in) throws IOException {
        String uri = in.readUTF();
        long version = in.readLong();
        long time = in.readLong();
        int flags = in.readByte();
        String headline = (flags & 1) != 0 ? in.readText() : null;
        String cluster = in.readNullableText();
        double norm = in.readDouble();
        double weight = in.readDouble();
        long visibleFrom = (flags & HAS_VISIBLE_FROM) != 0 ? in.readLong() : 0L;
        return new Posting(uri, version, time, headline, cluster, norm, weight, visibleFrom);
    }

    static void writeKey(StateWriter out, ProfileKey k) throws IOException {
        out.writeUTF(k.key());
        out.writeNullableText(k.label());
        out.writeDouble(k.weight());
        out.writeBoolean(k.entity());
    }

    static ProfileKey readKey(StateReader in) throws IOException {
        return new ProfileKey(in.readUTF(), in.readNullableText(), in.readDouble(), in.readBoolean());
    }

    static void writeHits(StateWriter out, KeyHits h) throws IOException {
        writeKey(out, h.key());
        out.writeList(h.postings(), LinkBinary::writePosting);
        out.writeInt(h.storiesUnderKey());
    }

    static KeyHits readHits(StateReader in) throws IOException {
        ProfileKey key = readKey(in);
        List<Posting> postings = in.readList(LinkBinary::readPosting);
        return new KeyHits(key, postings, in.readInt());
    }

    static void writeProfile(StateWriter out, StoryProfile p) throws IOException {
        out.writeUTF(p.uri());
        out.writeLong(p.version());
        out.writeLong(p.timeMillis());
        out.writeNullableText(p.headline());
        out.writeNullableText(p.clusterId());
        out.writeList(p.excludedUris(), (o, uri) -> o.writeUTF(uri));
        out.writeList(p.keys(), LinkBinary::writeKey);
    }

    static StoryProfile readProfile(StateReader in) throws IOException {
        String uri = in.readUTF();
        long version = in.readLong();
        long time = in.readLong();
        String headline = in.readNullableText();
        String cluster = in.readNullableText();
        Set<String> excluded = new LinkedHashSet<>(in.readList(i -> i.readUTF()));
        List<ProfileKey> keys = in.readList(LinkBinary::readKey);
        return new StoryProfile(uri, version, time, headline, cluster, excluded, keys);
    }

    static void writeMessage(StateWriter out, LinkMessage m) throws IOException {
        out.writeByte(m.kind().ordinal());
        out.writeUTF(m.uri());
        out.writeLong(m.version());
        out.writeSized(m.article());
        out.writeOptional(m.profile(), LinkBinary::writeProfile);
        out.writeOptional(m.key(), LinkBinary::writeKey);
        out.writeOptional(m.posting(), LinkBinary::writePosting);
        out.writeOptional(m.hits(), LinkBinary::writeHits);
        int trailer = (m.keys() != null ? TRAILER_KEYS : 0) | (m.answers() != null ? TRAILER_ANSWERS : 0)
                | (m.probes() != null ? TRAILER_PROBES : 0);
        out.writeByte(trailer);
        if (m.keys() != null) {
            out.writeList(m.keys(), LinkBinary::writeKey);
        }
        if (m.answers() != null) {
            writeAnswers(out, m.answers());
        }
        if (m.probes() != null) {
            out.writeInt(m.probes());
        }
    }

    static LinkMessage readMessage(StateReader in) throws IOException {
        LinkMessage.Kind kind = LinkMessage.Kind.values()[in.readByte()];
        String uri = in.readUTF();
        long version = in.readLong();
        byte[] article = in.readSized();
        StoryProfile profile = in.readOptional(LinkBinary::readProfile);
        ProfileKey key = in.readOptional(LinkBinary::readKey);
        Posting posting = in.readOptional(LinkBinary::readPosting);
        KeyHits hits = in.readOptional(LinkBinary::readHits);
        if (!in.hasMore()) { // written before issue 16: no trailer
            return new LinkMessage(kind, uri, version, article, profile, key, posting, hits, null, null, null);
        }
        int trailer = in.readByte();
        List<ProfileKey> keys = (trailer & TRAILER_KEYS) != 0 ? in.readList(LinkBinary::readKey) : null;
        List<KeyHits> answers = (trailer & TRAILER_ANSWERS) != 0 ? readAnswers(in) : null;
        Integer probes = (trailer & TRAILER_PROBES) != 0 ? in.readInt() : null;
        return new LinkMessage(kind, uri, version, article, profile, key, posting, hits, keys, answers, probes);
    }

    /**
     * The answers of several keys, each story carried once however many keys returned it: a table of the distinct
     * postings without their weight (uri, version, time, headline, cluster, norm, visible-from), then per key its
     * count of stories and, per posting, an index into the table and the key's weight in that story. The headline
     * is most of a posting's bytes and a related story usually comes back under several keys.
     */
    static void writeAnswers(StateWriter out, List<KeyHits> answers) throws IOException {
        Map<StoryOf, Integer> table = new LinkedHashMap<>();
        for (KeyHits h : answers) {
            for (Posting p : h.postings()) {
                table.putIfAbsent(new StoryOf(p), table.size());
            }
        }
        out.writeInt(table.size());
        for (StoryOf story : table.keySet()) {
            writePosting(out, story.posting().withWeight(0.0));
        }
        out.writeInt(answers.size());
        for (KeyHits h : answers) {
            writeKey(out, h.key());
            out.writeInt(h.storiesUnderKey());
            out.writeInt(h.postings().size());
            for (Posting p : h.postings()) {
                out.writeInt(table.get(new StoryOf(p)));
                out.writeDouble(p.weight());
            }
        }
    }

    /**
     * A posting as a table entry: equal when everything but the key's weight is equal, hashed on the uri and version
     * only, so the headline (the longest field) is compared when two entries meet, never hashed (issue 16: hashing
     * whole postings was a tenth of the collector's time).
     */
    private record StoryOf(Posting posting) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof StoryOf other)) {
                return false;
            }
            Posting a = posting;
            Posting b = other.posting;
            return a == b || a.version() == b.version() && a.timeMillis() == b.timeMillis()
                    && a.visibleFromMillis() == b.visibleFromMillis() && Double.compare(a.norm(), b.norm()) == 0
                    && a.uri().equals(b.uri()) && java.util.Objects.equals(a.clusterId(), b.clusterId())
                    && java.util.Objects.equals(a.headline(), b.headline());
        }

        @Override
        public int hashCode() {
            return 31 * posting.uri().hashCode() + Long.hashCode(posting.version());
        }
    }

    static List<KeyHits> readAnswers(StateReader in) throws IOException {
        int stories = in.readInt();
        List<Posting> table = new ArrayList<>(stories);
        for (int i = 0; i < stories; i++) {
            table.add(readPosting(in));
        }
        int keys = in.readInt();
        List<KeyHits> answers = new ArrayList<>(keys);
        for (int i = 0; i < keys; i++) {
            ProfileKey key = readKey(in);
            int storiesUnderKey = in.readInt();
            int n = in.readInt();
            List<Posting> postings = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                Posting p = table.get(in.readInt());
                postings.add(p.withWeight(in.readDouble()));
            }
            answers.add(new KeyHits(key, postings, storiesUnderKey));
        }
        return answers;
    }

    static void writePart(StateWriter out, LinkParts.Part part) throws IOException {
        out.writeOptional(part.article(), (o, a) -> {
            o.writeSized(a.article());
            writeProfile(o, a.profile());
        });
        out.writeOptional(part.hits(), LinkBinary::writeHits);
        out.writeOptional(part.answers(), LinkBinary::writeAnswers); // absent in parts written before issue 16
    }

    static LinkParts.Part readPart(StateReader in) throws IOException {
        LinkParts.ArticlePart article = in.readOptional(i -> new LinkParts.ArticlePart(i.readSized(), readProfile(i)));
        KeyHits hits = in.readOptional(LinkBinary::readHits);
        List<KeyHits> answers = in.hasMore() ? in.readOptional(LinkBinary::readAnswers) : null;
        return new LinkParts.Part(article, hits, answers);
    }
}
