package dev.modpipe.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void shouldHandOutDistinctBindablePortsBelowTheEphemeralRange() throws Exception {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            ports.add(Ports.free());
        }

        assertThat(ports).hasSize(100);
        assertThat(ports).allSatisfy(port -> assertThat(port).isBetween(Ports.LOWEST, Ports.ephemeralLow() - 1));
        for (int port : ports) {
            try (ServerSocket server = new ServerSocket()) {
                server.bind(new InetSocketAddress(port));
                assertThat(server.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void shouldSkipAPortThatIsAlreadyListening() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            int port = Ports.free();
            taken.bind(new InetSocketAddress(port));

            for (int i = 0; i < 200; i++) {
                assertThat(Ports.free()).isNotEqualTo(port);
            }
        }
    }
}
