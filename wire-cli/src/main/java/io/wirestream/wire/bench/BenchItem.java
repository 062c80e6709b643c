package io.wirestream.wire.bench;

/**
 * One generated item as an agency would push it, with the story uri the pipeline's normaliser gives it.
 *
 * @param agency the pushing agency (its key is used)
 * @param itemId the agency's own item id (X-Item-Id / batch "id")
 * @param bytes the NewsML-G2 document
 * @param uri the story uri the pipeline derives from it
 * @param copyOf for a near copy, the uri of the story it copies; null for an original
 */
public record BenchItem(String agency, String itemId, byte[] bytes, String uri, String copyOf) {

    public boolean isCopy() {
        return copyOf != null;
    }
}
