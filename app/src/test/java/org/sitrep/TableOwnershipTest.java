package org.sitrep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table belongs to one feature, and only that feature's code names it in SQL; the others call
 * its service. (A feature reading another's table breaks silently when the owner changes its schema.)
 * The tables are the ones the Flyway migrations create; the map below is the one in
 * docs/architecture.md, "Who owns which table". Foreign keys between features' tables are allowed:
 * they are the schema's, not a feature's code.
 */
class TableOwnershipTest {
    static final Map<String, Set<String>> OWNERS = Map.ofEntries(
            Map.entry(
                    "newsroom",
                    Set.of(
                            "pieces",
                            "piece_revisions",
                            "piece_authors",
                            "piece_tags",
                            "piece_autosaves",
                            "authors",
                            "tags",
                            "photos",
                            "photo_renditions",
                            "home_lead")),
            Map.entry(
                    "members",
                    Set.of(
                            "users",
                            "magic_links",
                            "audit_log",
                            "site_settings",
                            "plans",
                            "subscriptions",
                            "signin_attempts")),
            Map.entry("payments", Set.of("payment_events")),
            Map.entry(
                    "licences",
                    Set.of(
                            "organisations",
                            "organisation_seats",
                            "organisation_domains",
                            "organisation_invitations",
                            "site_licence_ranges",
                            "site_licence_usage",
                            "gifts")),
            Map.entry("paywall", Set.of("meter_reads", "meter_locks")),
            Map.entry(
                    "newsletters",
                    Set.of(
                            "newsletters",
                            "newsletter_subscriptions",
                            "newsletter_issues",
                            "newsletter_issue_pieces",
                            "newsletter_sends")),
            Map.entry(
                    "ingest",
                    Set.of("ingest_sources", "ingest_items", "ingest_item_bands", "ingest_copies", "ingest_errors")),
            Map.entry(
                    "intel",
                    Set.of(
                            "intel_documents",
                            "intel_document_places",
                            "intel_document_actors",
                            "intel_events",
                            "intel_event_reviews",
                            "intel_jobs",
                            "intel_training_examples",
                            "intel_model_trainings",
                            "intel_event_withdrawals")),
            Map.entry("api", Set.of("api_keys", "api_rate_windows")),
            Map.entry("monitors", Set.of("monitors", "monitor_mails")),
            // Several instances: sessions (Spring Session JDBC), job leases (ShedLock), the change feed.
            Map.entry("common", Set.of("spring_session", "spring_session_attributes", "shedlock", "cluster_changes")),
            Map.entry("tracker", Set.of("tracker_situation_reports")));

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SOURCES = Path.of("src/main/java/org/sitrep");
    private static final Pattern CREATED =
            Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    /** A table as SQL names it: after FROM, JOIN, INTO, UPDATE, TABLE (DELETE FROM, MERGE INTO and TRUNCATE TABLE too). */
    private static final Pattern NAMED = Pattern.compile("(?i)\\b(?:from|join|into|update|table)\\s+(\\w+)");

    @Test
    void everyTableHasExactlyOneOwningFeature() {
        Set<String> created = new TreeSet<>();
        for (Path migration : files(MIGRATIONS, ".sql")) {
            Matcher m = CREATED.matcher(read(migration));
            while (m.find()) created.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        assertThat(created).as("tables made by the migrations").hasSizeGreaterThan(30);
        List<String> owned =
                OWNERS.values().stream().flatMap(Set::stream).sorted().toList();
        assertThat(owned).as("a table owned twice").doesNotHaveDuplicates();
        assertThat(new TreeSet<>(owned))
                .as("the ownership map (docs/architecture.md) against the migrations' tables")
                .isEqualTo(created);
    }

    @Test
    void noFeatureNamesAnotherFeaturesTableInSql() {
        List<String> trespasses = new ArrayList<>();
        for (Path source : files(SOURCES, ".java")) {
            String feature = SOURCES.relativize(source).getNameCount() > 1
                    ? SOURCES.relativize(source).getName(0).toString()
                    : "";
            for (String table : tablesNamed(read(source))) {
                String owner = owner(table);
                if (owner != null && !owner.equals(feature)) {
                    trespasses.add(SOURCES.relativize(source) + " names " + owner + "'s table " + table);
                }
            }
        }
        assertThat(trespasses)
                .as("SQL on another feature's table: call the owner's service instead")
                .isEmpty();
    }

    @Test
    void theScanFindsTablesWhereverSqlNamesThem() {
        String source = """
                // FROM pieces in a comment is not SQL
                /* nor JOIN users here */
                jdbc.sql("SELECT u.email FROM newsletter_sends s JOIN users u ON u.id = s.user_id");
                jdbc.sql("DELETE FROM meter_reads WHERE reader = :r");
                jdbc.sql(\"""
                        UPDATE subscriptions SET state = :s
                        \""");
                jdbc.sql("INSERT INTO payment_events (id) VALUES (:id)");
                """;
        assertThat(tablesNamed(source))
                .containsExactlyInAnyOrder(
                        "newsletter_sends", "users", "meter_reads", "subscriptions", "payment_events");
    }

    static Set<String> tablesNamed(String javaSource) {
        String code = javaSource.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
        Set<String> tables = new TreeSet<>();
        Matcher m = NAMED.matcher(code);
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (owner(name) != null) tables.add(name);
        }
        return tables;
    }

    private static String owner(String table) {
        return OWNERS.entrySet().stream()
                .filter(e -> e.getValue().contains(table))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
