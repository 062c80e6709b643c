package io.wirestream.enrich.service.dedupe;

import io.wirestream.newsformats.hash.Sha256;

/** A duplicate cluster is named after its head story, so its id never changes while the cluster grows. */
final class ClusterIds {

    private ClusterIds() {
    }

    static String of(String headUri) {
        return "dc-" + Sha256.hexPrefix(headUri, 10);
    }
}
