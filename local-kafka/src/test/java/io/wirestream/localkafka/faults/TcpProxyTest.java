package io.wirestream.localkafka.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The way to take a server away from its clients: relay, cut (open connections dropped, new ones refused), restore. */
class TcpProxyTest {

    private ServerSocket echo;

    @BeforeEach
    void startEcho() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    Thread c = new Thread(() -> {
                        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                            in.transferTo(out);
                        } catch (IOException e) {
                            // client went away
                        }
                    });
                    c.setDaemon(true);
                    c.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @AfterEach
    void stopEcho() throws IOException {
        echo.close();
    }

    @Test
    void relaysThenDropsAndRefusesWhileCutThenRelaysAgain() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (TcpProxy proxy = new TcpProxy(port, "127.0.0.1", echo.getLocalPort()).restore()) {
            Socket open = new Socket("127.0.0.1", port);
            assertThat(roundTrip(open, "one")).isEqualTo("one");

            proxy.cut();
            assertThat(dropped(open)).as("an open connection is dropped").isTrue();
            assertThatThrownBy(() -> new Socket("127.0.0.1", port)).isInstanceOf(IOException.class);

            proxy.restore();
            assertThat(proxy.port()).isEqualTo(port);
            try (Socket again = new Socket("127.0.0.1", port)) {
                assertThat(roundTrip(again, "two")).isEqualTo("two");
            }
            open.close();
        }
    }

    private static boolean dropped(Socket s) {
        try {
            return s.getInputStream().read() == -1;
        } catch (IOException e) {
            return true; // reset rather than closed: dropped all the same
        }
    }

    private static String roundTrip(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes());
        s.getOutputStream().flush();
        byte[] buffer = s.getInputStream().readNBytes(text.length());
        return new String(buffer);
    }

    @Test
    void portZeroTakesAFreePortAndKeepsItAcrossACut() throws Exception {
        try (TcpProxy proxy = new TcpProxy(0, "127.0.0.1", echo.getLocalPort()).restore()) {
            int port = proxy.port();
            assertThat(port).isPositive();
            proxy.cut();
            proxy.restore();
            assertThat(proxy.port()).isEqualTo(port);
            try (Socket s = new Socket("127.0.0.1", port)) {
                assertThat(roundTrip(s, "three")).isEqualTo("three");
            }
        }
    }
}
