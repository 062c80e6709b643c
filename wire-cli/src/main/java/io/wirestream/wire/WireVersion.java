package io.wirestream.wire;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest when packaged, "development" when run from classes. */
public final class WireVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = WireVersion.class.getPackage().getImplementationVersion();
        return new String[] {"wire " + (v == null ? "development build" : v)};
    }
}
