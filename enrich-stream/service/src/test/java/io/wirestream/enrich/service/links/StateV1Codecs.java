package io.wirestream.enrich.service.links;

import io.wirestream.enrich.service.codec.StateCodec;
import io.wirestream.enrich.tagging.related.Posting;
import org.apache.kafka.common.serialization.Serde;

/** The serdes the stage gives its stores and internal topics, for the golden-bytes test and its generator. */
final class StateV1Codecs {

    private StateV1Codecs() {
    }

    static Serde<Posting> postings() {
        return LinkBinary.postings();
    }

    static Serde<LinkMessage> messages() {
        return LinkBinary.messages();
    }

    static Serde<LinkParts.Part> parts() {
        return LinkBinary.parts();
    }

    static Serde<PendingLinks> pendingLinks() {
        return StateCodec.json(PendingLinks.class);
    }

    static Serde<IndexedKeys> indexedKeys() {
        return StateCodec.json(IndexedKeys.class);
    }
}
