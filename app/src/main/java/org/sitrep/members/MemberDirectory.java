package org.sitrep.members;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The administrators' list of everyone with an account: search, filters, paging, CSV. */
@Service
public class MemberDirectory {

    /** One account as the list shows it; {@code plan} is the paid plan's name, or null. */
    public record Member(
            long id, String email, String displayName, Role role, boolean verified, String plan, Instant joined) {}

    /**
     * What to look for. Blank fields do not filter.
     *
     * @param q        part of the email or name
     * @param role     a {@link Role} name
     * @param plan     a plan code, or "none" for readers without a paid plan
     * @param verified "yes" or "no"
     */
    public record Filter(String q, String role, String plan, String verified) {
        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public MemberDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Member> find(Filter filter, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        params.put("o", offset);
        params.put("l", limit);
        return jdbc.sql("SELECT u.id, u.email, u.display_name, u.role, u.email_verified_at, "
                        + "(SELECT MIN(p.name) FROM subscriptions s JOIN plans p ON p.id = s.plan_id WHERE s.user_id = u.id "
                        + "AND " + PAYING_NOW + ") AS plan_name, u.created_at FROM users u" + where
                        + " ORDER BY u.created_at DESC, u.id DESC OFFSET :o ROWS FETCH NEXT :l ROWS ONLY")
                .params(params)
                .query((rs, n) -> new Member(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        Role.valueOf(rs.getString(4)),
                        rs.getObject(5) != null,
                        rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list();
    }

    public long count(Filter filter) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        return jdbc.sql("SELECT COUNT(*) FROM users u" + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    private static final String PAYING_NOW = Subscriptions.PAYING_NOW;

    private String where(Filter f, Map<String, Object> params) {
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        params.put("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        if (f.q() != null && !f.q().isBlank()) {
            String like = "%"
                    + f.q().strip()
                            .toLowerCase(Locale.ROOT)
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_")
                    + "%";
            w.append(" AND (LOWER(u.email) LIKE :q ESCAPE '\\' OR LOWER(u.display_name) LIKE :q ESCAPE '\\')");
            params.put("q", like);
        }
        if (f.role() != null && !f.role().isBlank()) {
            if ("SUBSCRIBER".equals(f.role())) {
                w.append(" AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.user_id = u.id AND " + PAYING_NOW + ")");
            } else {
                w.append(" AND u.role = :role");
                params.put("role", f.role());
            }
        }
        if ("none".equals(f.plan())) {
            w.append(" AND NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.user_id = u.id AND " + PAYING_NOW + ")");
        } else if (f.plan() != null && !f.plan().isBlank()) {
            w.append(
                    " AND EXISTS (SELECT 1 FROM subscriptions s JOIN plans p ON p.id = s.plan_id WHERE s.user_id = u.id "
                            + "AND p.code = :plan AND " + PAYING_NOW + ")");
            params.put("plan", f.plan());
        }
        if ("yes".equals(f.verified())) w.append(" AND u.email_verified_at IS NOT NULL");
        if ("no".equals(f.verified())) w.append(" AND u.email_verified_at IS NULL");
        return w.toString();
    }

    /** The matching accounts as CSV (RFC 4180), safe to open in a spreadsheet. */
    public String csv(Filter filter) {
        StringBuilder out = new StringBuilder("id,email,name,role,verified,plan,joined\r\n");
        int page = 1000;
        for (int offset = 0; ; offset += page) {
            List<Member> rows = find(filter, offset, page);
            for (Member m : rows) {
                out.append(m.id())
                        .append(',')
                        .append(CsvCell.of(m.email()))
                        .append(',')
                        .append(CsvCell.of(m.displayName()))
                        .append(',')
                        .append(m.role().name())
                        .append(',')
                        .append(m.verified() ? "yes" : "no")
                        .append(',')
                        .append(CsvCell.of(m.plan()))
                        .append(',')
                        .append(m.joined())
                        .append("\r\n");
            }
            if (rows.size() < page) return out.toString();
        }
    }
}
