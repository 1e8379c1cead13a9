package app.immichexport.base;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final Set<String> PROXY = Set.of("10.0.0.2");

    @Test
    void aTrustedProxyIsBelievedAboutTheClient() {
        assertEquals("203.0.113.7", ClientAddress.of("10.0.0.2", "203.0.113.7", PROXY));
    }

    @Test
    void whatTheClientWroteItselfIsNotBelieved() {
        // the client sent "1.2.3.4" itself; the proxy appended the address it saw
        assertEquals("203.0.113.7", ClientAddress.of("10.0.0.2", "1.2.3.4, 203.0.113.7", PROXY));
    }

    @Test
    void anUntrustedPeersHeaderIsIgnored() {
        assertEquals("198.51.100.9", ClientAddress.of("198.51.100.9", "203.0.113.7", PROXY));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", "203.0.113.7", Set.of()));
    }

    @Test
    void proxiesInARowAreSkipped() {
        assertEquals(
                "203.0.113.7", ClientAddress.of("10.0.0.2", "203.0.113.7, 10.0.0.3", Set.of("10.0.0.2", "10.0.0.3")));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", null, PROXY));
    }
}
