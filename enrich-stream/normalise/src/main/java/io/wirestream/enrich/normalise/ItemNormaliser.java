package io.wirestream.enrich.normalise;

import io.wirestream.avro.Article;
import io.wirestream.avro.RawItem;
import java.util.List;

/**
 * Turns one raw delivery into canonical articles. Pure: no Kafka, no I/O, no clock other than the one given.
 *
 * <p>A delivery usually holds one story; a NewsML-G2 newsMessage or an RSS document can hold several, hence the list.
 * Anything that cannot be turned into an article is refused with a {@link NormalisationException} naming the stage
 * and a reason code; the topology turns that into a record on the rejected topic and goes on.
 */
public interface ItemNormaliser {

    List<Article> normalise(RawItem raw) throws NormalisationException;
}
