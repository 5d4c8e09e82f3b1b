package org.sitrep.licences;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.common.SitrepProperties;
import org.sitrep.members.Entitlement;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * Site licences as an {@link Entitlement}: a request whose client address (as {@code members.ClientAddress}
 * finds it: X-Forwarded-For only from a trusted proxy) lies in an organisation's ranges reads
 * everything without signing in while the licence runs, and each read is counted for the
 * organisation's renewal. The ranges are held in memory (reloaded every {@link #RELOAD} and at
 * once on this instance's changes), so a page view from an unlicensed address costs no query.
 */
@Component
@Order(20)
public class SiteLicences implements Entitlement {
    static final Duration RELOAD = Duration.ofSeconds(30);
    private static final Pattern CIDR =
            Pattern.compile("((?:\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)/(\\d{1,3})");

    /** A range of an organisation, for the admin page. */
    public record Range(long id, long organisationId, String cidr) {}

    /** Reads through a site licence in one month. */
    public record Usage(String month, long reads) {}

    private record Live(long organisationId, String name, Instant until, IpAddressMatcher matcher) {}

    private record Snapshot(List<Live> ranges, Instant loadedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SitrepProperties properties;
    private volatile Snapshot snapshot;

    SiteLicences(JdbcClient jdbc, Clock clock, SitrepProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * The canonical form of a CIDR range, or a refusal: an IPv4 or IPv6 literal (never a name,
     * which would be looked up), a prefix within the address's length, and not wider than a /8
     * (IPv4) or /16 (IPv6), which would give most of the internet a licence by a slip of the finger.
     */
    public static String validRange(String cidr) {
        String c = cidr == null ? "" : cidr.strip();
        Matcher m = CIDR.matcher(c);
        if (c.length() > 50 || !m.matches()) {
            throw new Organisations.Refused(
                    "'" + clip(c) + "' is not a CIDR range: write an address, a slash and a prefix length, "
                            + "like 203.0.113.0/24 or 2001:db8::/48.");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(m.group(1)); // a literal (checked above): parsed, never looked up
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new Organisations.Refused("'" + clip(c) + "' is not an IP address range.");
        }
        int bits = address.getAddress().length * 8;
        int prefix = Integer.parseInt(m.group(2));
        boolean v4 = bits == 32;
        if (v4 && m.group(1).contains(":"))
            throw new Organisations.Refused("Write an IPv4 range in IPv4 form, like 203.0.113.0/24.");
        if (prefix > bits)
            throw new Organisations.Refused(
                    "A prefix of /" + prefix + " is longer than the address (" + bits + " bits).");
        if (prefix < (v4 ? 8 : 16)) {
            throw new Organisations.Refused(
                    "/" + prefix + " is too wide for one organisation (at least /" + (v4 ? 8 : 16) + ").");
        }
        return address.getHostAddress() + "/" + prefix;
    }

    /** Adds a range to an organisation's site licence. */
    public Range addRange(long organisationId, String cidr) {
        String c = validRange(cidr);
        jdbc.sql("INSERT INTO site_licence_ranges (organisation_id, cidr, created_at) VALUES (:o, :c, :now)")
                .param("o", organisationId)
                .param("c", c)
                .param("now", OffsetDateTime.now(clock))
                .update();
        snapshot = null;
        return ranges(organisationId).stream()
                .filter(r -> r.cidr().equals(c))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    public void removeRange(long organisationId, long rangeId) {
        jdbc.sql("DELETE FROM site_licence_ranges WHERE id = :id AND organisation_id = :o")
                .param("id", rangeId)
                .param("o", organisationId)
                .update();
        snapshot = null;
    }

    public List<Range> ranges(long organisationId) {
        return jdbc.sql(
                        "SELECT id, organisation_id, cidr FROM site_licence_ranges WHERE organisation_id = :o ORDER BY id")
                .param("o", organisationId)
                .query((rs, n) -> new Range(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .list();
    }

    /** Reads through the organisation's site licence, newest month first. */
    public List<Usage> usage(long organisationId) {
        return jdbc.sql(
                        "SELECT usage_month, reads FROM site_licence_usage WHERE organisation_id = :o ORDER BY usage_month DESC")
                .param("o", organisationId)
                .query((rs, n) -> new Usage(rs.getString(1), rs.getLong(2)))
                .list();
    }

    /** Forgets the ranges held in memory (another instance changed them, or a test moved the clock). */
    public void reload() {
        snapshot = null;
    }

    @Override
    public Optional<String> forReader(long userId, String email, boolean verified) {
        return Optional.empty(); // a site licence goes with the address, not the account
    }

    @Override
    public Optional<String> forAddress(String clientAddress, boolean count) {
        Snapshot s = current();
        if (s.ranges().isEmpty()) return Optional.empty();
        InetAddress address = literal(clientAddress);
        if (address == null) return Optional.empty();
        Instant now = clock.instant();
        for (Live r : s.ranges()) {
            if (r.until() != null && r.until().isAfter(now) && r.matcher().matches(address.getHostAddress())) {
                if (count) countRead(r.organisationId());
                return Optional.of(r.name());
            }
        }
        return Optional.empty();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null
                || s.loadedAt().plus(RELOAD).isBefore(clock.instant())
                || s.loadedAt().isAfter(clock.instant())) {
            List<Live> live = new ArrayList<>();
            jdbc.sql("SELECT r.organisation_id, o.name, o.site_licence_until, r.cidr FROM site_licence_ranges r "
                            + "JOIN organisations o ON o.id = r.organisation_id WHERE o.site_licence_until IS NOT NULL")
                    .query((rs, n) -> live.add(new Live(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant(),
                            new IpAddressMatcher(rs.getString(4)))))
                    .list();
            snapshot = s = new Snapshot(List.copyOf(live), clock.instant());
        }
        return s;
    }

    private void countRead(long organisationId) {
        String month = YearMonth.from(clock.instant().atZone(properties.zone())).toString();
        int updated = jdbc.sql(
                        "UPDATE site_licence_usage SET reads = reads + 1 WHERE organisation_id = :o AND usage_month = :m")
                .param("o", organisationId)
                .param("m", month)
                .update();
        if (updated == 1) return;
        try {
            jdbc.sql("INSERT INTO site_licence_usage (organisation_id, usage_month, reads) VALUES (:o, :m, 1)")
                    .param("o", organisationId)
                    .param("m", month)
                    .update();
        } catch (DuplicateKeyException raced) {
            jdbc.sql("UPDATE site_licence_usage SET reads = reads + 1 WHERE organisation_id = :o AND usage_month = :m")
                    .param("o", organisationId)
                    .param("m", month)
                    .update();
        }
    }

    /** The address as a literal; null for anything else (never looked up). */
    private static InetAddress literal(String address) {
        if (address == null || address.length() > 45 || !address.matches("[0-9A-Fa-f:.%a-z]+")) return null;
        if (!address.contains(":") && !address.matches("(\\d{1,3}\\.){3}\\d{1,3}")) return null;
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
