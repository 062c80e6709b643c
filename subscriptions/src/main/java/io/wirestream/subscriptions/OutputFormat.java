package io.wirestream.subscriptions;

import io.wirestream.newsformats.ninjs.NinjsProfile;

/** How a subscriber's copy is written: official IPTC ninjs 2.x, or ninjs with the pipeline's {@code wirestream} property. */
public enum OutputFormat {
    OFFICIAL("official", NinjsProfile.OFFICIAL),
    EXTENDED("extended", NinjsProfile.WITH_PIPELINE_EXTENSION);

    private final String configName;
    private final NinjsProfile profile;

    OutputFormat(String configName, NinjsProfile profile) {
        this.configName = configName;
        this.profile = profile;
    }

    public String configName() {
        return configName;
    }

    public NinjsProfile profile() {
        return profile;
    }
}
