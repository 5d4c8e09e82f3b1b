package org.sitrep.members;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address of the client making a request, as the sign-in limits count it. {@code X-Forwarded-For}
 * is believed only when the request comes from a proxy listed in {@code sitrep.trusted-proxies}
 * (addresses or CIDR ranges; none by default): anyone can send the header, so from anywhere else it
 * would let one guesser pose as a thousand clients, or pin a limit on someone else's address.
 * Behind trusted proxies the client is the right-most address in the header that is not one of them.
 */
@Component
public class ClientAddress {
    /** An IPv4 or IPv6 literal: never a name, which would cost a DNS look-up per request. */
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

    private static final Pattern IP_LITERAL =
            Pattern.compile(OCTET + "(\\." + OCTET + "){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<IpAddressMatcher> trusted;

    public ClientAddress(@Value("${sitrep.trusted-proxies:}") List<String> proxies) {
        List<IpAddressMatcher> matchers = new ArrayList<>();
        for (String p : proxies == null ? List.<String>of() : proxies) {
            String entry = p.strip();
            if (entry.isEmpty()) continue;
            String ip = entry.contains("/") ? entry.substring(0, entry.indexOf('/')) : entry;
            if (!IP_LITERAL.matcher(ip).matches()) {
                throw new IllegalArgumentException(
                        "sitrep.trusted-proxies: '" + entry + "' is not an IP address or CIDR range");
            }
            matchers.add(new IpAddressMatcher(entry));
        }
        this.trusted = List.copyOf(matchers);
    }

    /** The client's address: the peer's, or (from a trusted proxy) the nearest untrusted hop in X-Forwarded-For. */
    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (trusted.isEmpty() || !isTrusted(peer)) return peer;
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) if (!hop.isBlank()) hops.add(hop.strip());
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            // Garbage where an address should be: the last hop we could believe is the client.
            if (!IP_LITERAL.matcher(hop).matches() || hop.length() > 45) return client;
            client = hop;
            if (!isTrusted(hop)) return hop;
        }
        return client;
    }

    private boolean isTrusted(String address) {
        if (address == null || !IP_LITERAL.matcher(address).matches()) return false;
        try {
            InetAddress.getByName(address); // a literal (checked above): parsed, never looked up
            for (IpAddressMatcher m : trusted) if (m.matches(address)) return true;
        } catch (UnknownHostException | IllegalArgumentException notAnAddress) {
            return false;
        }
        return false;
    }
}
