package org.sitrep.intel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.sitrep.common.RunMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where and when every event is, held in memory in page order (newest start date first, then id), so that a map
 * view (a box and a date window, newest first) over a million events is one pass over a few primitive arrays. No
 * database index serves that query: a box index has to sort everything in the box, a date index has to filter
 * everything in the window, and which is cheaper depends on where the box is. Here a pass costs a few milliseconds
 * whatever the box, and stops as soon as a page is full.
 *
 * <p>The database stays the truth; this is a copy that {@link EventSearch} asks for a page's ids and then reads
 * those events from the database, re-checking the filter (a stale entry can cost a page a row, never show a wrong
 * event). The copy is kept current three ways: whatever writes events in this application publishes
 * {@link EventsChanged} and the index reads those rows again after the commit; every query first picks up rows
 * with an id above the highest it knows (events inserted by another instance or by hand); and the whole index is
 * rebuilt from the database every {@code sitrep.intel.map-index.reconcile} (default 10 minutes: changes made behind
 * the application's back) and whenever the changes held on the side grow large. Until the first build finishes,
 * {@link #match} answers null and the database answers alone.
 *
 * <p>Memory: about 45 bytes an event (45 MB for a million; twice that for the moment a rebuild replaces it).
 */
@Component
public class EventMapIndex implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(EventMapIndex.class);
    private static final String ROW =
            "SELECT id, longitude, latitude, date_earliest, date_latest, review_state, event_type, "
                    + "confidence FROM intel_events";
    private static final ReviewState[] STATES = ReviewState.values();

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final boolean enabled;
    private final Duration reconcile;
    private final Object writes = new Object();
    private final EventTypes types = new EventTypes();
    private final AtomicBoolean rebuildQueued = new AtomicBoolean();
    private volatile State state = new State(Snapshot.EMPTY, new ConcurrentHashMap<>(), false, 0);
    private volatile long knownMaxId;
    private long changeSeq;
    private ScheduledExecutorService background;

    EventMapIndex(
            JdbcClient jdbc,
            DataSource dataSource,
            PlatformTransactionManager transactions,
            @Value("${sitrep.intel.map-index.enabled:true}") boolean enabled,
            @Value("${sitrep.intel.map-index.reconcile:10m}") Duration reconcile,
            RunMode mode) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(10_000); // PostgreSQL streams a result only with a fetch size, in a transaction
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.enabled = enabled && mode.server();
        this.reconcile = reconcile;
    }

    /** Whether the index has been built and can answer. */
    public boolean ready() {
        return state.ready;
    }

    /**
     * The index's form of {@code filter}, or null when the index cannot answer it (not built yet, or the filter names
     * an actor, place, country, admin-1 area, source or document: those stay with the database).
     */
    Match match(EventFilter f) {
        if (!state.ready
                || present(f.actor())
                || present(f.place())
                || f.gazetteerId() != null
                || !f.countries().isEmpty()
                || present(f.admin1())
                || present(f.source())
                || f.documentId() != null) {
            return null;
        }
        catchUpInserts();
        return new Match(f, types);
    }

    /** A hit: an event's id and its earliest date (epoch day), which is where the next page starts. */
    record Hit(long id, int day) {}

    /** Up to {@code rows} matching events after {@code after} (null: from the top), in page order. */
    List<Hit> page(Match m, EventSearch.Cursor after, int rows) {
        State s = state;
        Snapshot b = s.base;
        Bound bound = Bound.of(m, after);
        List<Hit> hits = new ArrayList<>(Math.min(rows, 1024));
        boolean masked = !s.overlay.isEmpty();
        int stop = m.from == Integer.MIN_VALUE ? Integer.MIN_VALUE : m.from - b.longestSpan;
        for (int i = b.firstAfter(bound); i < b.size && hits.size() < rows; i++) {
            if (b.earliest[i] < stop) break; // nothing older can reach into the window
            if (b.matches(i, m) && !(masked && s.overlay.containsKey(b.ids[i])))
                hits.add(new Hit(b.ids[i], b.earliest[i]));
        }
        if (!masked) return hits;
        // changes held on the side: merged into the page by order
        List<Hit> side = new ArrayList<>();
        for (Entry e : s.overlay.values()) {
            if (!e.removed && e.matches(m) && bound.admits(e.earliest, e.id)) side.add(new Hit(e.id, e.earliest));
        }
        if (side.isEmpty()) return hits;
        hits.addAll(side);
        hits.sort(PAGE_ORDER);
        // the same event may show twice while a change lands between the two reads above
        List<Hit> page = new ArrayList<>(rows);
        Set<Long> seen = new HashSet<>();
        for (Hit h : hits) {
            if (page.size() == rows) break;
            if (seen.add(h.id)) page.add(h);
        }
        return page;
    }

    private static final Comparator<Hit> PAGE_ORDER =
            Comparator.comparingInt(Hit::day).thenComparingLong(Hit::id).reversed();

    long count(Match m) {
        long[] n = new long[1];
        forEachMatch(m, (day, type) -> n[0]++);
        return n[0];
    }

    /** Events per day (by earliest date) and type, oldest day first, types in name order within a day. */
    List<EventSearch.DayCount> perDay(Match m) {
        Map<Integer, Map<Integer, long[]>> days = new TreeMap<>();
        forEachMatch(m, new MatchSink() {
            int day = Integer.MIN_VALUE;
            Map<Integer, long[]> byType;

            @Override
            public void accept(int eventDay, int type) {
                if (eventDay != day) { // the base is in day order: one lookup of the day per run, not per event
                    day = eventDay;
                    byType = days.computeIfAbsent(eventDay, d -> new TreeMap<>());
                }
                byType.computeIfAbsent(type, t -> new long[1])[0]++;
            }
        });
        List<EventSearch.DayCount> out = new ArrayList<>();
        days.forEach((day, byType) -> {
            List<EventSearch.DayCount> sameDay = new ArrayList<>();
            byType.forEach((type, n) ->
                    sameDay.add(new EventSearch.DayCount(LocalDate.ofEpochDay(day), types.name(type), n[0])));
            sameDay.sort(Comparator.comparing(EventSearch.DayCount::eventType));
            out.addAll(sameDay);
        });
        return out;
    }

    private interface MatchSink {
        void accept(int day, int type);
    }

    private void forEachMatch(Match m, MatchSink sink) {
        State s = state;
        Snapshot b = s.base;
        boolean masked = !s.overlay.isEmpty();
        Bound bound = Bound.of(m, null);
        int stop = m.from == Integer.MIN_VALUE ? Integer.MIN_VALUE : m.from - b.longestSpan;
        for (int i = b.firstAfter(bound); i < b.size; i++) {
            if (b.earliest[i] < stop) break;
            if (b.matches(i, m) && !(masked && s.overlay.containsKey(b.ids[i]))) sink.accept(b.earliest[i], b.types[i]);
        }
        if (!masked) return;
        for (Entry e : s.overlay.values()) {
            if (!e.removed && e.matches(m) && bound.admits(e.earliest, e.id)) sink.accept(e.earliest, e.type);
        }
    }

    // ---- keeping the copy current ----

    /** After the writer's transaction commits (or at once, outside one): read the named events again. */
    @TransactionalEventListener(fallbackExecution = true)
    void onEventsChanged(EventsChanged changed) {
        if (!enabled) return;
        try {
            reread(changed);
        } catch (RuntimeException e) { // the writer's transaction has committed: never fail it; rebuild instead
            log.warn("Event map index: could not read changed events, rebuilding: {}", e.toString());
            scheduleRebuild();
        }
    }

    private void reread(EventsChanged changed) {
        synchronized (writes) { // read and apply in one step, so an older read never lands after a newer one
            List<Entry> rows = new ArrayList<>();
            Set<Long> missing = new HashSet<>(changed.eventIds());
            for (List<Long> ids : chunks(changed.eventIds())) {
                rows.addAll(jdbc.sql(ROW + " WHERE id IN (:ids)")
                        .param("ids", ids)
                        .query(this::entry)
                        .list());
            }
            for (List<Long> docs : chunks(changed.documentIds())) {
                rows.addAll(jdbc.sql(ROW + " WHERE document_id IN (:docs)")
                        .param("docs", docs)
                        .query(this::entry)
                        .list());
            }
            rows.forEach(e -> missing.remove(e.id));
            apply(rows, missing);
        }
    }

    /** Rows inserted since the last look (by another instance, a script, an import): their ids are above ours. */
    private void catchUpInserts() {
        Long max = jdbc.sql("SELECT MAX(id) FROM intel_events")
                .query(Long.class)
                .optional()
                .orElse(null);
        if (max == null || max <= knownMaxId) return;
        synchronized (writes) {
            long known = knownMaxId;
            if (max <= known) return;
            if (max - known > 100_000) { // a bulk load: rebuilding is cheaper than holding it all on the side
                scheduleRebuild();
                return;
            }
            apply(
                    jdbc.sql(ROW + " WHERE id > :known")
                            .param("known", known)
                            .query(this::entry)
                            .list(),
                    Set.of());
            knownMaxId = Math.max(knownMaxId, max);
        }
    }

    private void apply(List<Entry> rows, Collection<Long> removed) {
        State s = state;
        long max = knownMaxId;
        for (Entry e : rows) {
            s.overlay.put(e.id, e.withSeq(++changeSeq));
            max = Math.max(max, e.id);
        }
        for (Long id : removed) s.overlay.put(id, Entry.removed(id, ++changeSeq));
        knownMaxId = max;
        if (s.overlay.size() > Math.max(50_000, s.base.size / 10)) scheduleRebuild();
    }

    private void scheduleRebuild() {
        if (background != null && rebuildQueued.compareAndSet(false, true)) background.execute(this::rebuild);
    }

    /** Reads every event from the database into a new snapshot; changes that land meanwhile stay on the side. */
    void rebuild() {
        rebuildQueued.set(false);
        long since;
        synchronized (writes) {
            since = changeSeq;
        }
        long started = System.nanoTime();
        long rows =
                jdbc.sql("SELECT COUNT(*) FROM intel_events").query(Long.class).single();
        Snapshot.Builder builder =
                new Snapshot.Builder((int) Math.min(Integer.MAX_VALUE - 8, rows + rows / 100 + 1024));
        long[] max = {0};
        readOnly.executeWithoutResult(tx -> streaming.query(ROW + " ORDER BY date_earliest DESC, id DESC", rs -> {
            Entry e = entry(rs, 0);
            builder.add(e);
            max[0] = Math.max(max[0], e.id);
        }));
        Snapshot base = builder.build();
        synchronized (writes) {
            ConcurrentHashMap<Long, Entry> later = new ConcurrentHashMap<>();
            state.overlay.forEach((id, e) -> {
                if (e.seq > since) later.put(id, e); // read before this build began? then the build has it, or newer
            });
            state = new State(base, later, true, since);
            knownMaxId = Math.max(knownMaxId, max[0]);
        }
        log.info("Event map index: {} events in {} ms", base.size, (System.nanoTime() - started) / 1_000_000);
    }

    private Entry entry(ResultSet rs, int n) throws SQLException {
        double lon = rs.getDouble(2);
        if (rs.wasNull()) lon = Double.NaN;
        double lat = rs.getDouble(3);
        if (rs.wasNull()) lat = Double.NaN;
        return new Entry(
                rs.getLong(1),
                lon,
                lat,
                (int) rs.getObject(4, LocalDate.class).toEpochDay(),
                (int) rs.getObject(5, LocalDate.class).toEpochDay(),
                (byte) ReviewState.fromDb(rs.getString(6)).ordinal(),
                types.code(rs.getString(7)),
                rs.getDouble(8),
                false,
                0);
    }

    private static List<List<Long>> chunks(Set<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) out.add(all.subList(i, Math.min(all.size(), i + 1000)));
        return out;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    // ---- lifecycle ----

    @Override
    public synchronized void start() {
        if (!enabled || background != null) return;
        background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "event-map-index");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
        rebuildQueued.set(true);
        background.execute(this::rebuildLogged);
        long every = reconcile.toMillis();
        if (every > 0) background.scheduleWithFixedDelay(this::rebuildLogged, every, every, TimeUnit.MILLISECONDS);
    }

    private void rebuildLogged() {
        try {
            rebuild();
        } catch (RuntimeException e) { // the database answers alone until the next attempt
            log.warn("Event map index: rebuild failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (background != null) background.shutdownNow();
        background = null;
    }

    @Override
    public boolean isRunning() {
        return background != null;
    }

    /** Waits (at most {@code timeout}) for the first build; tests use it to be sure the index answers. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (!ready() && System.nanoTime() < until) Thread.sleep(20);
        return ready();
    }

    // ---- the data ----

    private record State(Snapshot base, ConcurrentHashMap<Long, Entry> overlay, boolean ready, long builtAt) {}

    /** Event type names, numbered in the order first seen (a handful: ACLED's six, plus whatever analysts type). */
    private static final class EventTypes {
        private final Map<String, Integer> codes = new ConcurrentHashMap<>();
        private volatile String[] names = new String[0];

        int code(String name) {
            Integer code = codes.get(name);
            return code != null ? code : add(name);
        }

        private synchronized int add(String name) {
            Integer code = codes.get(name);
            if (code != null) return code;
            String[] more = Arrays.copyOf(names, names.length + 1);
            more[names.length] = name;
            names = more;
            codes.put(name, names.length - 1);
            return names.length - 1;
        }

        int known(String name) {
            return codes.getOrDefault(name, -1);
        }

        String name(int code) {
            return names[code];
        }
    }

    /** The filter's conditions in the index's terms. */
    static final class Match {
        final boolean box;
        final double west, south, east, north;
        final int from, to;
        final int states;
        final BitSet types;
        final Set<String> typeNames;
        final double minConfidence;

        private Match(EventFilter f, EventTypes known) {
            box = f.bbox() != null;
            west = box ? f.bbox().west() : 0;
            south = box ? f.bbox().south() : 0;
            east = box ? f.bbox().east() : 0;
            north = box ? f.bbox().north() : 0;
            from = f.from() == null ? Integer.MIN_VALUE : (int) f.from().toEpochDay();
            to = f.to() == null ? Integer.MAX_VALUE : (int) f.to().toEpochDay();
            int mask = 0;
            for (ReviewState s : STATES) {
                if (f.states().isEmpty() ? s.shownByDefault() : f.states().contains(s)) mask |= 1 << s.ordinal();
            }
            states = mask;
            typeNames = f.types();
            if (f.types().isEmpty()) {
                types = null;
            } else {
                types = new BitSet();
                for (String t : f.types()) {
                    int code = known.known(t);
                    if (code >= 0) types.set(code);
                }
            }
            minConfidence = f.minConfidence() == null ? Double.NEGATIVE_INFINITY : f.minConfidence();
        }

        // NaN coordinates (an event without a place) fail every box comparison, as NULL does in SQL
        boolean test(double lon, double lat, int earliest, int latest, int state, int type, double confidence) {
            return (!box || (lon >= west && lon <= east && lat >= south && lat <= north))
                    && earliest <= to
                    && latest >= from
                    && (states & (1 << state)) != 0
                    && (types == null || types.get(type))
                    && confidence >= minConfidence;
        }

        /** The same test on an event read from the database. */
        boolean test(TrackedEvent e) {
            return (!box
                            || (e.longitude() != null
                                    && e.latitude() != null
                                    && e.longitude() >= west
                                    && e.longitude() <= east
                                    && e.latitude() >= south
                                    && e.latitude() <= north))
                    && e.dateEarliest().toEpochDay() <= to
                    && e.dateLatest().toEpochDay() >= from
                    && (states & (1 << e.reviewState().ordinal())) != 0
                    && (typeNames.isEmpty() || typeNames.contains(e.eventType()))
                    && e.confidence() >= minConfidence;
        }
    }

    /** Where a page starts: strictly after (day, id) in page order. */
    private record Bound(int day, long id) {
        static Bound of(Match m, EventSearch.Cursor after) {
            // "earliest <= to" is "before (to + 1, any id)"
            Bound top = m.to == Integer.MAX_VALUE
                    ? new Bound(Integer.MAX_VALUE, Long.MAX_VALUE)
                    : new Bound(m.to + 1, Long.MIN_VALUE);
            if (after == null) return top;
            Bound cursor = new Bound((int) after.date().toEpochDay(), after.id());
            return cursor.day < top.day || (cursor.day == top.day && cursor.id < top.id) ? cursor : top;
        }

        boolean admits(int earliest, long eventId) {
            return earliest < day || (earliest == day && eventId < id);
        }
    }

    /** One event as the index holds it; {@code seq} orders changes, {@code removed} marks a deleted event. */
    private record Entry(
            long id,
            double lon,
            double lat,
            int earliest,
            int latest,
            byte state,
            int type,
            double confidence,
            boolean removed,
            long seq) {
        static Entry removed(long id, long seq) {
            return new Entry(id, Double.NaN, Double.NaN, 0, 0, (byte) 0, 0, 0, true, seq);
        }

        Entry withSeq(long newSeq) {
            return new Entry(id, lon, lat, earliest, latest, state, type, confidence, removed, newSeq);
        }

        boolean matches(Match m) {
            return m.test(lon, lat, earliest, latest, state, type, confidence);
        }
    }

    /** Every event, in page order, column by column. Never changed once built. */
    private static final class Snapshot {
        static final Snapshot EMPTY = new Builder(0).build();

        final int size;
        final long[] ids;
        final double[] lons, lats, confidences;
        final int[] earliest, latest, types;
        final byte[] states;
        /** The most days any event lasts: how far before a window a pass must look. */
        final int longestSpan;

        // the builder's arrays as they are (sized from a count up front): no second copy of a million events
        private Snapshot(Builder b) {
            size = b.size;
            ids = b.ids;
            lons = b.lons;
            lats = b.lats;
            confidences = b.confidences;
            earliest = b.earliest;
            latest = b.latest;
            types = b.types;
            states = b.states;
            longestSpan = b.longestSpan;
        }

        boolean matches(int i, Match m) {
            return m.test(lons[i], lats[i], earliest[i], latest[i], states[i], types[i], confidences[i]);
        }

        /** The first position strictly after the bound (the arrays are in page order, so a binary search finds it). */
        int firstAfter(Bound bound) {
            int lo = 0, hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (bound.admits(earliest[mid], ids[mid])) hi = mid;
                else lo = mid + 1;
            }
            return lo;
        }

        static final class Builder {
            int size;
            long[] ids;
            double[] lons, lats, confidences;
            int[] earliest, latest, types;
            byte[] states;
            int longestSpan;

            Builder(int capacity) {
                grow(capacity);
            }

            void add(Entry e) {
                if (size == ids.length) grow(Math.max(1024, size + size / 4)); // rows added since the count
                ids[size] = e.id;
                lons[size] = e.lon;
                lats[size] = e.lat;
                confidences[size] = e.confidence;
                earliest[size] = e.earliest;
                latest[size] = e.latest;
                types[size] = e.type;
                states[size] = e.state;
                longestSpan = Math.max(longestSpan, e.latest - e.earliest);
                size++;
            }

            private void grow(int n) {
                if (ids == null) {
                    ids = new long[n];
                    lons = new double[n];
                    lats = new double[n];
                    confidences = new double[n];
                    earliest = new int[n];
                    latest = new int[n];
                    types = new int[n];
                    states = new byte[n];
                    return;
                }
                ids = Arrays.copyOf(ids, n);
                lons = Arrays.copyOf(lons, n);
                lats = Arrays.copyOf(lats, n);
                confidences = Arrays.copyOf(confidences, n);
                earliest = Arrays.copyOf(earliest, n);
                latest = Arrays.copyOf(latest, n);
                types = Arrays.copyOf(types, n);
                states = Arrays.copyOf(states, n);
            }

            Snapshot build() {
                return new Snapshot(this);
            }
        }
    }
}
