package app.immichexport.mirror;

import app.immichexport.base.Settings;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a webhook may be sent. Any user can set one, so the server must not be made to post into
 * its own network: loopback, link-local, private and other non-public addresses are refused after
 * the name is resolved, unless an administrator allows the host with {@code WEBHOOK_ALLOWED_HOSTS}.
 */
final class WebhookAddress {

    private WebhookAddress() {}

    /** The one address the request is then sent to, so that a second look-up cannot lead elsewhere. */
    static InetAddress resolve(URI url, Set<String> allowedHosts) throws UnknownHostException {
        String host = url.getHost();
        if (host == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("The webhook must be an http:// or https:// address");
        }
        InetAddress[] addresses = InetAddress.getAllByName(host);
        boolean allowed = allowedHosts.contains(host.toLowerCase(Locale.ROOT));
        for (InetAddress address : addresses) {
            if (!allowed && !isPublic(address)) {
                throw new IllegalArgumentException(
                        "The webhook's host " + host + " is " + address.getHostAddress()
                                + ", an address inside a private network; an administrator can allow it with WEBHOOK_ALLOWED_HOSTS");
            }
        }
        return addresses[0];
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            // unique local addresses, fc00::/7; 6to4, 2002::/16, and NAT64, 64:ff9b::/96, which lead to
            // IPv4 addresses that this check would not see
            return (b[0] & 0xFE) != 0xFC && !startsWith(b, 0x20, 0x02) && !isNat64(b);
        }
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        // shared address space (carrier-grade NAT), 100.64.0.0/10; 0.0.0.0/8; benchmarking networks,
        // 198.18.0.0/15; reserved and broadcast, 240.0.0.0/4
        return !(first == 100 && second >= 64 && second < 128)
                && first != 0
                && !(first == 198 && (second == 18 || second == 19))
                && first < 240;
    }

    private static boolean startsWith(byte[] address, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((address[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNat64(byte[] address) {
        return startsWith(address, 0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** {@code WEBHOOK_ALLOWED_HOSTS}: comma-separated host names or addresses. */
    static Set<String> allowedHosts(Optional<String> setting) {
        return Settings.commaSeparated(setting).stream()
                .map(h -> h.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
