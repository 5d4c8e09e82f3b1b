package org.sitrep.ingest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * Which addresses ingest may fetch from. Sources, linked articles and "add a page" are addresses
 * typed by staff or written by strangers in a feed, and the server fetches them from inside the
 * publisher's network: without this, a feed entry's link to {@code http://127.0.0.1:8080/…} or to
 * a cloud metadata address would be fetched and its answer stored and analysed. So only public
 * addresses are fetched, unless an administrator allows a range ({@code sitrep.ingest.allow-networks}).
 * The check is made on every address a name resolves to, by {@link Fetcher}'s resolver, which is
 * also what the connection uses: a name cannot resolve to a public address for the check and to
 * a private one for the connection.
 */
@Component
class OutboundPolicy {
    /** Thrown by the resolver: a name (or an address given as such) that is not to be fetched. */
    static final class Refused extends UnknownHostException {
        Refused(String message) {
            super(message);
        }
    }

    private record Range(IpAddressMatcher matcher, String kind) {}

    /** Ranges that are not the public internet, beyond what {@link InetAddress}'s own tests know. */
    private static final List<Range> NOT_PUBLIC = List.of(
            range("0.0.0.0/8", "an unspecified address"),
            range("100.64.0.0/10", "a private (carrier-grade NAT) address"),
            range("192.0.0.0/24", "a reserved address"),
            range("192.0.2.0/24", "a reserved address"),
            range("198.18.0.0/15", "a reserved address"),
            range("198.51.100.0/24", "a reserved address"),
            range("203.0.113.0/24", "a reserved address"),
            range("240.0.0.0/4", "a reserved address"),
            range("fc00::/7", "a private (unique local) address"),
            range("100::/64", "a reserved address"),
            range("2001:db8::/32", "a reserved address"));

    /**
     * How a name becomes addresses. The system's resolver in the application; a test gives its own,
     * because there is no DNS server here that a test could make answer differently on each lookup.
     */
    @FunctionalInterface
    interface Lookup {
        InetAddress[] addresses(String name) throws UnknownHostException;
    }

    private final List<IpAddressMatcher> allowed = new ArrayList<>();
    private final List<String> allowedText;
    private final Lookup lookup;

    @Autowired
    OutboundPolicy(IngestSettings settings) {
        this(settings, InetAddress::getAllByName);
    }

    OutboundPolicy(IngestSettings settings, Lookup lookup) {
        this.lookup = lookup;
        List<String> text = new ArrayList<>();
        for (String network : settings.allowNetworks()) {
            if (network == null || network.isBlank()) continue;
            try {
                allowed.add(new IpAddressMatcher(network.strip()));
                text.add(network.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "sitrep.ingest.allow-networks: not an address range (CIDR, e.g. 10.0.0.0/8): " + network, e);
            }
        }
        this.allowedText = List.copyOf(text);
    }

    /** The administrator's allowed ranges, as given. */
    List<String> allowedNetworks() {
        return allowedText;
    }

    /** Each address {@code host} resolves to, once all were checked; refused when any of them may not be fetched. */
    InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = lookup.addresses(name);
        for (InetAddress address : addresses) {
            String kind = refusal(address);
            if (kind != null) {
                boolean literal = name.contains(":") || name.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
                String said = literal ? name : name + " (" + address.getHostAddress() + ")";
                throw new Refused("refused to fetch from " + said + ", " + kind
                        + " (only public addresses are fetched unless sitrep.ingest.allow-networks allows the range)");
            }
        }
        return addresses;
    }

    /** Why {@code address} may not be fetched, in words for the errors list; null when it may. */
    String refusal(InetAddress address) {
        for (IpAddressMatcher allow : allowed) {
            if (allow.matches(address.getHostAddress())) return null;
        }
        return kind(address);
    }

    /** What kind of non-public address this is, or null for a public one. */
    static String kind(InetAddress address) {
        if (address.isAnyLocalAddress()) return "an unspecified address";
        if (address.isLoopbackAddress()) return "a loopback address";
        if (address.isLinkLocalAddress()) return "a link-local address";
        if (address.isSiteLocalAddress()) return "a private address";
        if (address.isMulticastAddress()) return "a multicast address";
        if (address instanceof Inet4Address && address.getHostAddress().equals("255.255.255.255"))
            return "a broadcast address";
        for (Range r : NOT_PUBLIC) {
            if (r.matcher().matches(address.getHostAddress())) return r.kind();
        }
        // IPv6 forms that carry an IPv4 address and reach it: judge by the IPv4 address inside.
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            byte[] inner = null;
            if (zero(b, 0, 12)) inner = slice(b, 12); // ::a.b.c.d (IPv4-compatible)
            else if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zero(b, 4, 12)) {
                inner = slice(b, 12); // 64:ff9b::a.b.c.d (NAT64)
            } else if (b[0] == 0x20 && b[1] == 0x02) inner = slice(b, 2); // 2002:AABB:CCDD:: (6to4)
            if (inner != null) {
                try {
                    String kind = kind(InetAddress.getByAddress(inner));
                    if (kind != null) return kind + " inside an IPv6 address";
                } catch (UnknownHostException impossible) {
                    return "an address that cannot be read";
                }
            }
        }
        return null;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }

    private static byte[] slice(byte[] b, int from) {
        byte[] v4 = new byte[4];
        System.arraycopy(b, from, v4, 0, 4);
        return v4;
    }

    private static Range range(String cidr, String kind) {
        return new Range(new IpAddressMatcher(cidr), kind);
    }
}
