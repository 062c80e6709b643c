package io.wirestream.runtime.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/**
 * The JVM's and the process's own figures on every service's {@code /metrics}, under the names Micrometer's binders
 * give them and dashboards for JVMs expect: {@code jvm_memory_*}, {@code jvm_buffer_*}, {@code jvm_gc_*},
 * {@code jvm_threads_*}, {@code jvm_classes_*}, {@code system_cpu_*}, {@code process_cpu_*},
 * {@code process_uptime_seconds}, {@code process_start_time_seconds}, {@code process_files_*}. Bound by
 * {@code ServiceHttpServer}, the one place every service's metrics are served from; {@link #close} releases the GC
 * listeners (the other binders hold nothing).
 */
public final class JvmProcessMetrics implements AutoCloseable {

    private final JvmGcMetrics gc = new JvmGcMetrics();

    private JvmProcessMetrics() {}

    public static JvmProcessMetrics bindTo(MeterRegistry registry) {
        JvmProcessMetrics metrics = new JvmProcessMetrics();
        new JvmMemoryMetrics().bindTo(registry);
        metrics.gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        return metrics;
    }

    @Override
    public void close() {
        gc.close();
    }
}
