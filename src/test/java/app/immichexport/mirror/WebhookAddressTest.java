package app.immichexport.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Address literals only: nothing here is looked up or contacted. */
class WebhookAddressTest {

    @Test
    void addressesInsideAPrivateNetworkAreNotPublic() throws Exception {
        for (String address : new String[] {
            "127.0.0.1",
            "127.1.2.3",
            "10.0.0.8",
            "172.16.5.4",
            "192.168.1.10",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "::1",
            "fe80::1",
            "fd12:3456::1",
            "::",
            "64:ff9b::7f00:1",
            "64:ff9b::a9fe:a9fe",
            "2002:7f00:1::1",
            "198.18.0.1",
            "198.19.255.254",
            "240.0.0.1",
            "255.255.255.255"
        }) {
            assertFalse(WebhookAddress.isPublic(InetAddress.getByName(address)), address);
        }
        for (String address : new String[] {
            "93.184.215.14", "100.128.0.1", "2606:4700::1111", "198.20.0.1", "198.17.0.1", "223.255.0.1", "2001:db9::1"
        }) {
            assertTrue(WebhookAddress.isPublic(InetAddress.getByName(address)), address);
        }
    }

    @Test
    void aPrivateAddressIsRefusedUnlessItsHostIsAllowed() throws Exception {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> WebhookAddress.resolve(URI.create("http://169.254.169.254/latest/meta-data"), Set.of()));
        assertTrue(refused.getMessage().contains("WEBHOOK_ALLOWED_HOSTS"), refused.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> WebhookAddress.resolve(URI.create("http://127.0.0.2:8080/x"), Set.of("127.0.0.1")));
        assertEquals(
                InetAddress.getByName("127.0.0.1"),
                WebhookAddress.resolve(URI.create("http://127.0.0.1:8080/x"), Set.of("127.0.0.1")));
        assertThrows(
                IllegalArgumentException.class,
                () -> WebhookAddress.resolve(URI.create("file:///etc/passwd"), Set.of()));
    }
}
