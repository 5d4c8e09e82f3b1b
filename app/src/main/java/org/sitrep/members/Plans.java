package org.sitrep.members;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The paid plans readers can choose, edited by administrators in /admin/plans. */
@Service
public class Plans {
    public enum Interval {
        MONTH,
        YEAR
    }

    public record Plan(
            long id, String code, String name, int priceCents, String currency, Interval interval, boolean active) {
        /** "$100" or "USD 12.50" for other currencies. */
        public String price() {
            BigDecimal amount = BigDecimal.valueOf(priceCents, 2);
            String shown = priceCents % 100 == 0 ? amount.setScale(0).toPlainString() : amount.toPlainString();
            return "USD".equals(currency) ? "$" + shown : currency + " " + shown;
        }

        public String per() {
            return interval == Interval.YEAR ? "year" : "month";
        }

        /** The price as the form shows it: "100.00". */
        public String amount() {
            return BigDecimal.valueOf(priceCents, 2).toPlainString();
        }
    }

    private final JdbcClient jdbc;

    public Plans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Plan> all() {
        return jdbc.sql(
                        "SELECT id, code, name, price_cents, currency, billing_interval, active FROM plans ORDER BY sort_order, id")
                .query((rs, n) -> new Plan(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        Interval.valueOf(rs.getString(6)),
                        rs.getBoolean(7)))
                .list();
    }

    public List<Plan> active() {
        return all().stream().filter(Plan::active).toList();
    }

    /** Ids of the plans whose subscribers may use the data API (V60 {@code plans.data_access}). */
    public java.util.Set<Long> withDataAccess() {
        return java.util.Set.copyOf(jdbc.sql("SELECT id FROM plans WHERE data_access = TRUE")
                .query(Long.class)
                .list());
    }

    public boolean dataAccess(String planCode) {
        return jdbc.sql("SELECT COUNT(*) FROM plans WHERE code = :c AND data_access = TRUE")
                        .param("c", planCode)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void setDataAccess(long planId, boolean dataAccess) {
        jdbc.sql("UPDATE plans SET data_access = :d WHERE id = :id")
                .param("d", dataAccess)
                .param("id", planId)
                .update();
    }

    /** Saves a plan's edits (id null: a new plan); refuses nonsense with a message for the form. */
    public Plan save(Long id, String name, String price, String currency, String interval, boolean active) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100)
            throw new UserAccounts.AccountProblem("Give the plan a name (up to 100 characters).");
        int cents;
        try {
            BigDecimal amount = new BigDecimal(price == null ? "" : price.strip());
            if (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(BigDecimal.valueOf(1_000_000)) > 0)
                throw new NumberFormatException();
            cents = amount.movePointRight(2).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UserAccounts.AccountProblem("Enter the price as an amount like 100 or 9.99.");
        }
        String cur = currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT);
        if (!cur.matches("[A-Z]{3}"))
            throw new UserAccounts.AccountProblem("Enter the currency as a three-letter code like USD or EUR.");
        Interval every;
        try {
            every = Interval.valueOf(interval);
        } catch (RuntimeException e) {
            throw new UserAccounts.AccountProblem("Choose monthly or yearly billing.");
        }
        if (id == null) {
            String code =
                    n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
            if (code.isEmpty()) code = "plan";
            String unique = code;
            for (int i = 2;
                    jdbc.sql("SELECT COUNT(*) FROM plans WHERE code = :c")
                                    .param("c", unique)
                                    .query(Long.class)
                                    .single()
                            > 0;
                    i++) {
                unique = code + "-" + i;
            }
            jdbc.sql(
                            "INSERT INTO plans (code, name, price_cents, currency, billing_interval, active, sort_order) "
                                    + "VALUES (:code, :n, :p, :c, :i, :a, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM plans))")
                    .param("code", unique)
                    .param("n", n)
                    .param("p", cents)
                    .param("c", cur)
                    .param("i", every.name())
                    .param("a", active)
                    .update();
            String saved = unique;
            return all().stream()
                    .filter(p -> p.code().equals(saved))
                    .findFirst()
                    .orElseThrow();
        }
        int updated = jdbc.sql(
                        "UPDATE plans SET name = :n, price_cents = :p, currency = :c, billing_interval = :i, active = :a WHERE id = :id")
                .param("n", n)
                .param("p", cents)
                .param("c", cur)
                .param("i", every.name())
                .param("a", active)
                .param("id", id)
                .update();
        if (updated == 0) throw new UserAccounts.AccountProblem("That plan no longer exists.");
        return all().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }
}
