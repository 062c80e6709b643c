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
    public int ops() { return base + 10; }
    public int kafka() { return base + 12; }
    public int controller() { return base + 13; }

    public Map<String, Integer> all() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("ingest push API", ingest());
        m.put("schema registry", registry());
        m.put("enrich-stream health", enrich());
        m.put("read API", readApi());
        m.put("ops page", ops());
        m.put("Kafka", kafka());
        m.put("Kafka controller", controller());
        return m;
    }

    /** A block of local ports none of which is taken (tests and the bench, which must not collide with a running copy). */
    public static LocalPorts findFree() {
        Random random = new Random();
        for (int i = 0; i < 50; i++) {
            LocalPorts ports = new LocalPorts(20000 + random.nextInt(20000));
            if (ports.busy().isEmpty()) {
                return ports;
            }
        }
        throw new IllegalStateException("no free block of local ports");
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
