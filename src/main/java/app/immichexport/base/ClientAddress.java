package app.immichexport.base;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The address of the person at the other end. Behind a reverse proxy every request comes from the
 * proxy, so logins would be throttled for everyone at once; a proxy named in {@code TRUSTED_PROXIES}
 * is believed about the client in its {@code X-Forwarded-For}, read from the right, where each proxy
 * appends the address it saw. Anyone else's header is ignored: a client can write whatever it likes there.
 */
public final class ClientAddress {

    private ClientAddress() {}

    /**
     * @param peer         the address the connection came from
     * @param forwardedFor the request's {@code X-Forwarded-For}, or null
     * @param trusted      the proxies' addresses
     */
    public static String of(String peer, String forwardedFor, Set<String> trusted) {
        if (forwardedFor == null || !trusted.contains(peer)) {
            return peer;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(","))
                .map(String::strip)
                .filter(h -> !h.isEmpty())
                .toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusted.contains(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }

    /** {@code TRUSTED_PROXIES}: comma-separated addresses. */
    public static Set<String> trusted(Optional<String> trustedProxies) {
        return Set.copyOf(Settings.commaSeparated(trustedProxies));
    }
}
