package org.sitrep.intel;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sitrep.common.RunMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Benchmark data for the events API: with {@code sitrep.command=generate-events} (and
 * {@code sitrep.events.count}, default 1,000,000) writes that many synthetic events, 20 per synthetic
 * document, around 40 Middle East towns (scattered up to ~30 km) over five years (2021–2025), then
 * exits. Seeded, so two runs make the same data. Every document says it is synthetic.
 */
@Component
@Order(11)
class SyntheticEvents implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(SyntheticEvents.class);
    static final int EVENTS_PER_DOCUMENT = 20, BATCH = 5000;
    static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 1);
    static final int DAYS = 5 * 365;

    /** Town, ISO country, admin1, latitude, longitude, weight (how often events happen there). */
    private record Town(String name, String country, String admin1, double lat, double lon, int weight) {}

    private static final List<Town> TOWNS = List.of(
            new Town("Aleppo", "SY", "Aleppo", 36.20, 37.16, 10), new Town("Idlib", "SY", "Idlib", 35.93, 36.63, 10),
            new Town("Homs", "SY", "Homs", 34.73, 36.71, 5), new Town("Hama", "SY", "Hama", 35.13, 36.75, 4),
            new Town("Deir ez-Zor", "SY", "Deir ez-Zor", 35.34, 40.14, 6),
                    new Town("Raqqa", "SY", "Raqqa", 35.95, 39.01, 5),
            new Town("Daraa", "SY", "Daraa", 32.62, 36.10, 5), new Town("Damascus", "SY", "Damascus", 33.51, 36.29, 4),
            new Town("Qamishli", "SY", "Al-Hasakah", 37.05, 41.23, 3),
                    new Town("Latakia", "SY", "Latakia", 35.52, 35.79, 2),
            new Town("Mosul", "IQ", "Nineveh", 36.34, 43.13, 5), new Town("Kirkuk", "IQ", "Kirkuk", 35.47, 44.39, 3),
            new Town("Baghdad", "IQ", "Baghdad", 33.31, 44.36, 4), new Town("Ramadi", "IQ", "Anbar", 33.43, 43.30, 2),
            new Town("Fallujah", "IQ", "Anbar", 33.35, 43.78, 2),
                    new Town("Tikrit", "IQ", "Salah ad-Din", 34.60, 43.68, 2),
            new Town("Basra", "IQ", "Basra", 30.51, 47.78, 2), new Town("Erbil", "IQ", "Erbil", 36.19, 44.01, 2),
            new Town("Sanaa", "YE", "Amanat al-Asimah", 15.37, 44.19, 6),
                    new Town("Aden", "YE", "Aden", 12.79, 45.02, 4),
            new Town("Taiz", "YE", "Taiz", 13.58, 44.02, 6), new Town("Hodeidah", "YE", "Al Hudaydah", 14.80, 42.95, 5),
            new Town("Marib", "YE", "Marib", 15.46, 45.33, 5), new Town("Saada", "YE", "Saada", 16.94, 43.76, 3),
            new Town("Tripoli", "LY", "Tripoli", 32.89, 13.19, 4),
                    new Town("Benghazi", "LY", "Benghazi", 32.12, 20.07, 3),
            new Town("Misrata", "LY", "Misrata", 32.38, 15.09, 2), new Town("Sirte", "LY", "Sirte", 31.21, 16.59, 2),
            new Town("Gaza City", "PS", "Gaza", 31.50, 34.47, 9),
                    new Town("Khan Younis", "PS", "Khan Yunis", 31.35, 34.31, 6),
            new Town("Rafah", "PS", "Rafah", 31.29, 34.25, 5), new Town("Jenin", "PS", "Jenin", 32.46, 35.30, 4),
            new Town("Nablus", "PS", "Nablus", 32.22, 35.26, 3), new Town("Hebron", "PS", "Hebron", 31.53, 35.10, 2),
            new Town("Sidon", "LB", "South", 33.56, 35.37, 2), new Town("Tyre", "LB", "South", 33.27, 35.20, 3),
            new Town("Nabatieh", "LB", "Nabatieh", 33.38, 35.48, 3),
                    new Town("Baalbek", "LB", "Baalbek-Hermel", 34.01, 36.21, 2),
            new Town("Beirut", "LB", "Beirut", 33.89, 35.50, 2),
                    new Town("Arsal", "LB", "Baalbek-Hermel", 34.18, 36.42, 1));

    private static final String[][] TYPES = {
        {"Battles", "Armed clash"},
        {"Battles", "Government regains territory"},
        {"Explosions/Remote violence", "Air/drone strike"},
        {"Explosions/Remote violence", "Shelling/artillery/missile attack"},
        {"Explosions/Remote violence", "Remote explosive/landmine/IED"},
        {"Violence against civilians", "Attack"},
        {"Violence against civilians", "Abduction/forced disappearance"},
        {"Protests", "Peaceful protest"},
        {"Riots", "Violent demonstration"},
        {"Strategic developments", "Arrests"}
    };
    private static final String[] ACTORS = {
        "Syrian Arab Army",
        "Hayat Tahrir al-Sham",
        "Islamic State",
        "Syrian Democratic Forces",
        "Iraqi Security Forces",
        "Popular Mobilization Forces",
        "Houthis",
        "Southern Transitional Council",
        "Libyan National Army",
        "Government of National Unity forces",
        "Israel Defense Forces",
        "Hamas",
        "Hezbollah",
        "Civilians",
        "Protesters"
    };
    private static final String[] SOURCES = {"Wire One", "Wire Two", "Local Monitor", "Sitrep"};

    private final JdbcTemplate jdbc;
    private final AnalysisEngine engine;
    private final ConfigurableApplicationContext context;
    private final RunMode mode;
    private final int count;

    SyntheticEvents(
            JdbcTemplate jdbc,
            AnalysisEngine engine,
            ConfigurableApplicationContext context,
            RunMode mode,
            @Value("${sitrep.events.count:1000000}") int count) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.context = context;
        this.mode = mode;
        this.count = count;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!mode.runs("generate-events")) return;
        long started = System.nanoTime();
        generate(count, 20210101L);
        log.info("Generated {} synthetic events in {} s", count, (System.nanoTime() - started) / 1_000_000_000L);
        compactH2();
        System.out.println("generate-events: wrote " + count + " synthetic events");
        mode.finish(context, 0);
    }

    void generate(int n, long seed) {
        generate(n, seed, engine.version());
    }

    /** {@code engineVersion}: what the documents are stamped with (the running engine's, or the upgrade check re-reads them). */
    void generate(int n, long seed, String engineVersion) {
        SplittableRandom random = new SplittableRandom(seed);
        int totalWeight = TOWNS.stream().mapToInt(Town::weight).sum();
        long firstSource = 1
                + jdbc.queryForObject(
                        "SELECT COALESCE(MAX(source_id), 0) FROM intel_documents WHERE source_kind = 'synthetic'",
                        Long.class);
        Timestamp now = Timestamp.from(Instant.now());
        int documents = (n + EVENTS_PER_DOCUMENT - 1) / EVENTS_PER_DOCUMENT;
        for (int from = 0; from < documents; from += BATCH) {
            int size = Math.min(BATCH, documents - from);
            List<Object[]> docs = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                long sourceId = firstSource + from + i;
                LocalDate published = FIRST_DAY.plusDays(random.nextInt(DAYS));
                docs.add(new Object[] {
                    "synthetic",
                    sourceId,
                    "Synthetic report " + sourceId,
                    "https://synthetic.example/" + sourceId,
                    SOURCES[random.nextInt(SOURCES.length)],
                    Date.valueOf(published),
                    // stamped with the running engine's version, or the upgrade check would queue them all for
                    // re-analysis
                    "Synthetic text generated for the events API benchmark.",
                    engineVersion,
                    now
                });
            }
            jdbc.batchUpdate(
                    "INSERT INTO intel_documents (source_kind, source_id, title, url, source_name, published_on, text,"
                            + " engine_version, analysed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    docs);
        }
        List<Long> docIds = jdbc.queryForList(
                "SELECT id FROM intel_documents WHERE source_kind = 'synthetic' AND source_id >= ?"
                        + " ORDER BY source_id",
                Long.class,
                firstSource);
        List<LocalDate> docDates = jdbc
                .queryForList(
                        "SELECT published_on FROM intel_documents WHERE source_kind = 'synthetic'"
                                + " AND source_id >= ? ORDER BY source_id",
                        Date.class,
                        firstSource)
                .stream()
                .map(Date::toLocalDate)
                .toList();
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        OffsetDateTime stamp = OffsetDateTime.ofInstant(now.toInstant(), ZoneOffset.UTC);
        for (int from = 0; from < n; from += BATCH) {
            int size = Math.min(BATCH, n - from);
            List<Map<String, Object>> rows = new ArrayList<>(size);
            for (int event = from; event < from + size; event++) {
                int doc = event / EVENTS_PER_DOCUMENT;
                Town town = town(random.nextInt(totalWeight));
                String[] type = TYPES[random.nextInt(TYPES.length)];
                // events a few days either side of their report, spread ~30 km around the town
                LocalDate day = docDates.get(doc).minusDays(random.nextInt(4));
                boolean range = random.nextInt(10) == 0;
                double lat = town.lat() + (random.nextDouble() - 0.5) * 0.5;
                double lon = town.lon() + (random.nextDouble() - 0.5) * 0.5;
                String actor1 = ACTORS[random.nextInt(ACTORS.length)];
                String actor2 = random.nextBoolean() ? ACTORS[random.nextInt(ACTORS.length)] : null;
                LocalDate latest = range ? day.plusDays(1 + random.nextInt(6)) : day;
                String sentence = "Synthetic " + type[1].toLowerCase() + " near " + town.name() + ".";
                double confidence = 0.3 + random.nextDouble() * 0.7;
                ReviewState state = random.nextInt(20) == 0 ? ReviewState.CONFIRMED : ReviewState.UNREVIEWED;
                // the random numbers are drawn in the order of the columns as they used to be written, so a seed
                // still makes the same data
                var content = new EventRows.Content(
                        type[0],
                        type[1],
                        actor1,
                        actor2,
                        town.name(),
                        town.country(),
                        town.admin1(),
                        lat,
                        lon,
                        "city",
                        9_000_000L + TOWNS.indexOf(town),
                        day,
                        latest,
                        null,
                        null,
                        sentence,
                        0,
                        10,
                        confidence,
                        "synthetic",
                        deaths(event));
                rows.add(EventRows.insertParams(
                        docIds.get(doc), "machine", "synthetic@" + event, state, content, stamp));
            }
            named.batchUpdate(
                    EventRows.INSERT,
                    rows.stream().map(MapSqlParameterSource::new).toArray(SqlParameterSource[]::new));
            if ((from / BATCH) % 20 == 19) log.info("{} events written", from + size);
        }
    }

    /**
     * H2 appends while a million rows go in (a 1.2 GB file for 240 MB of data); compacting once leaves the
     * file a benchmark reads as a database that grew over years would be, after H2's background compaction.
     */
    private void compactH2() {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        if ("H2".equals(product)) jdbc.execute("SHUTDOWN COMPACT");
    }

    /**
     * Reported deaths for about a third of the events (0 to 8, as told), the rest with no word on deaths: so the
     * trends' deaths series sums real figures. Drawn from the event's number, not the random stream, so a seed still
     * makes the same events as before deaths were added.
     */
    static TrackedEvent.Deaths deaths(int event) {
        int h = (int) ((event * 0x9E3779B97F4A7C15L) >>> 58); // 0..63, well mixed
        if (h >= 21) return null;
        int best = h % 9;
        return new TrackedEvent.Deaths(best, best, best, best + " killed", 0, 10);
    }

    private static Town town(int ticket) {
        for (Town t : TOWNS) {
            ticket -= t.weight();
            if (ticket < 0) return t;
        }
        return TOWNS.get(TOWNS.size() - 1);
    }
}
