package io.wirestream.wire;

import io.wirestream.runtime.config.Settings;
import java.nio.file.Path;
import java.util.Map;

/** The journeys on the embedded KRaft broker and registry, exactly as `wire up` runs them. */
class EmbeddedPipelineIT extends PipelineJourneys {

    @Override
    LocalPipeline startPipeline(Path dataDir) {
        return new LocalPipeline(dataDir, freePorts()).start(Settings.ofValues(Map.of()), false, TEST_SETTINGS);
    }
}
