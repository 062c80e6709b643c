package io.wirestream.wire;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The ports of local mode, all derived from one base so a second copy can run beside the first with --port-base. */
public record LocalPorts(int base) {

    public int ingest() { return base; }
    public int registry() { return base + 1; }
    public int enrich() { return base + 2; }
    public int readApi() { return base + 3; }
    public int subscribers() { return base + 4; }
    public int ops() { return base + 10; }
    public int kafka() { return base + 12; }
    public int controller() { return base + 13; }

    public Map<String, Integer> all() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("ingest push API", ingest());
        m.put("schema registry", registry());
        m.put("enrich-stream health", enrich());
        m.put("read API", readApi());
        m.put("subscriber-service", subscribers());
        m.put("ops page", ops());
        m.put("Kafka", kafka());
        m.put("Kafka controller", controller());
        return m;
    }

    /**
     * A block of local ports none of which is taken (tests and the bench, which must not collide with a running copy).
     * The block lies below the kernel's ephemeral range: a port checked free there can still be handed to some client
     * connection (the pipeline's own Kafka clients) before the service binds it, which made a test fail with "port
     * already in use".
     */
    public static LocalPorts findFree() {
        Random random = new Random();
        int ephemeralStart = ephemeralRangeStart();
        for (int i = 0; i < 50; i++) {
            LocalPorts ports = new LocalPorts(candidateBase(random, ephemeralStart));
            if (ports.busy().isEmpty()) {
                return ports;
            }
        }
        throw new IllegalStateException("no free block of local ports");
    }

    /** Highest port of a block above its base. */
    static final int SPAN = 13;

    /** A base whose whole block lies in [10000, ephemeralStart), or in 20000-39999 when the range starts too low to fit one. */
    static int candidateBase(Random random, int ephemeralStart) {
        int low = 10_000;
        int high = ephemeralStart - SPAN - 1;
        if (high - low < 1000) {
            return 20_000 + random.nextInt(20_000);
        }
        return low + random.nextInt(high - low + 1);
    }

    /** The first port of the kernel's ephemeral range (Linux), 32768 when it cannot be read. */
    static int ephemeralRangeStart() {
        try {
            // read by line: Files.readString gave "3" for this /proc file (it reports a size of 0)
            try (var in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
                return Integer.parseInt(in.readLine().trim().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    /** Names every port that is already taken, so the user learns it before anything starts. */
    public List<String> busy() {
        List<String> busy = new ArrayList<>();
        all().forEach((what, port) -> {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
            } catch (IOException e) {
                busy.add(what + " port " + port);
            }
        });
        return busy;
    }
}
