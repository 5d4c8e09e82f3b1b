package org.sitrep.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.sitrep.common.SitrepProperties;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceCatalog;
import org.sitrep.newsroom.PieceChanged;
import org.sitrep.newsroom.PieceKind;
import org.sitrep.newsroom.PieceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.util.HtmlUtils;

/**
 * The site's full-text index of pieces (Lucene, BM25), under {@code <data>/index}.
 *
 * <p>Published and scheduled pieces are indexed; a scheduled piece is filtered out at query time
 * until its publish time, so it turns up in results on the second without re-indexing. Searches
 * share near-real-time searchers through a {@link SearcherManager}: no reader is opened per query.
 * The index follows the newsroom through {@link PieceChanged} and is rebuilt at start when it does
 * not match the database (empty, older than the latest change, or a different number of pieces).
 */
@Service
public class SearchIndex implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    static final String[] FIELDS = {PieceDocuments.HEADLINE, PieceDocuments.TAGS, PieceDocuments.STANDFIRST, PieceDocuments.BODY};
    /** Headline and tag matches say more about what a piece is about than a word deep in the body. */
    static final Map<String, Float> BOOSTS = Map.of(PieceDocuments.HEADLINE, 3.0f, PieceDocuments.TAGS, 2.0f,
            PieceDocuments.STANDFIRST, 1.5f, PieceDocuments.BODY, 1.0f);
    static final int MAX_QUERY_LENGTH = 200;
    static final int MAX_PAGE = 50;
    /** Counting stops here; past it the result count is shown as "more than". */
    static final int COUNT_LIMIT = 10_000;
    private static final String COMMIT_LAST_UPDATED = "lastUpdated";

    private final PieceCatalog catalog;
    private final Clock clock;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Object writeLock = new Object();
    private final AtomicLong changes = new AtomicLong();

    public SearchIndex(SitrepProperties properties, PieceCatalog catalog, Clock clock) throws IOException {
        this.catalog = catalog;
        this.clock = clock;
        Path dir = properties.indexDir();
        Files.createDirectories(dir);
        this.directory = FSDirectory.open(dir);
        this.writer = openWriter(directory, analyzer);
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens the index, starting afresh when it is unreadable: it can always be rebuilt from the database. */
    private static IndexWriter openWriter(Directory directory, Analyzer analyzer) throws IOException {
        try {
            return new IndexWriter(directory, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            log.warn("Search index is unreadable ({}); starting a new one and rebuilding it from the database", e.getMessage());
            return new IndexWriter(directory, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE));
        }
    }

    // --- keeping the index current ----------------------------------------------------------

    @EventListener(ApplicationReadyEvent.class)
    public void rebuildIfStale() {
        if (isStale()) rebuild();
    }

    boolean isStale() {
        synchronized (writeLock) {
            Map<String, String> committed = new HashMap<>();
            Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
            if (data != null) data.forEach(e -> committed.put(e.getKey(), e.getValue()));
            String lastUpdated = catalog.lastUpdated().map(Instant::toString).orElse("");
            long expected = catalog.countLive() + catalog.scheduledAhead().size();
            return !lastUpdated.equals(committed.get(COMMIT_LAST_UPDATED)) || writer.getDocStats().numDocs != expected;
        }
    }

    /** Re-indexes every live and scheduled piece from the database. */
    public void rebuild() {
        synchronized (writeLock) {
            try {
                long started = System.nanoTime();
                writer.deleteAll();
                long[] count = {0};
                catalog.forEachLive(500, batch -> {
                    for (Piece p : batch) {
                        try {
                            add(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        count[0]++;
                    }
                });
                for (Piece p : catalog.scheduledAhead()) {
                    add(p);
                    count[0]++;
                }
                commit();
                log.info("Search index rebuilt: {} pieces in {} ms", count[0], (System.nanoTime() - started) / 1_000_000);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** After the newsroom's transaction commits: re-read the piece and index it, or drop it. */
    @TransactionalEventListener(fallbackExecution = true)
    public void pieceChanged(PieceChanged event) {
        synchronized (writeLock) {
            try {
                Optional<Piece> piece = catalog.findById(event.pieceId());
                Term id = new Term(PieceDocuments.ID, Long.toString(event.pieceId()));
                if (piece.isPresent() && searchable(piece.get())) {
                    writer.updateDocument(id, PieceDocuments.of(piece.get()));
                } else {
                    writer.deleteDocuments(id);
                }
                commit();
            } catch (IOException e) {
                // The page itself was saved; the index catches up at the next start (it will look stale).
                log.error("Search index could not be updated for piece {}", event.pieceId(), e);
            }
        }
    }

    /** Published or scheduled with a time: live now or going live later. */
    static boolean searchable(Piece p) {
        return (p.status() == PieceStatus.PUBLISHED || p.status() == PieceStatus.SCHEDULED) && p.publishAt() != null;
    }

    private void add(Piece p) throws IOException {
        if (searchable(p)) writer.updateDocument(new Term(PieceDocuments.ID, Long.toString(p.id())), PieceDocuments.of(p));
    }

    private void commit() throws IOException {
        String lastUpdated = catalog.lastUpdated().map(Instant::toString).orElse("");
        writer.setLiveCommitData(Map.of(COMMIT_LAST_UPDATED, lastUpdated).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
        changes.incrementAndGet();
    }

    /** Pieces in the index, live or waiting for their time. */
    public int size() {
        return writer.getDocStats().numDocs;
    }

    // --- searching -------------------------------------------------------------------------------

    /**
     * Ranked results for what a reader typed. Never throws on odd input: Lucene syntax that does
     * not parse is searched for as plain words, and an unusable query answers with a message.
     */
    public SearchResults search(String rawQuery, int page, int pageSize) {
        String q = rawQuery == null ? "" : rawQuery.strip();
        if (q.isEmpty()) return SearchResults.empty("", pageSize, "Type a word or phrase to search for.");
        if (q.length() > MAX_QUERY_LENGTH) q = q.substring(0, MAX_QUERY_LENGTH);
        int p = Math.max(1, Math.min(page, MAX_PAGE));
        Query parsed = parse(q);
        if (parsed == null) {
            return SearchResults.empty(q, pageSize, "Those words are too common to search for. Try something more specific.");
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query query = live(parsed);
                TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(p * pageSize, null, COUNT_LIMIT));
                if (top.totalHits.value == 0 && hasSeveralWords(parsed)) {
                    // Every word together found nothing: rank pieces that have some of them.
                    Query any = parse(q, QueryParser.Operator.OR);
                    if (any != null) {
                        query = live(any);
                        top = searcher.search(query, new TopScoreDocCollectorManager(p * pageSize, null, COUNT_LIMIT));
                    }
                }
                ScoreDoc[] pageDocs = Arrays.copyOfRange(top.scoreDocs, Math.min(top.scoreDocs.length, (p - 1) * pageSize),
                        top.scoreDocs.length);
                List<SearchResults.Hit> hits = hits(searcher, query, pageDocs);
                boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
                return new SearchResults(q, hits, top.totalHits.value, exact, p, pageSize, null);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IndexSearcher.TooManyClauses e) {
            return SearchResults.empty(q, pageSize, "That search is too broad. Try fewer wildcards.");
        }
    }

    private Query parse(String q) {
        return parse(q, QueryParser.Operator.AND);
    }

    /** Lucene syntax when it parses, the same words as plain text when it does not; null when nothing is left. */
    private Query parse(String q, QueryParser.Operator operator) {
        // Regular expressions (/…/) can be costly to run; a slash is never needed in a news search.
        String text = q.replace('/', ' ');
        Query query;
        try {
            query = parser(operator).parse(text);
        } catch (ParseException | IllegalArgumentException e) {
            try {
                query = parser(operator).parse(QueryParserBase.escape(text));
            } catch (ParseException | IllegalArgumentException again) {
                return null;
            }
        }
        if (query == null || query instanceof MatchNoDocsQuery) return null;
        if (query instanceof BooleanQuery b && b.clauses().isEmpty()) return null;
        return query;
    }

    private MultiFieldQueryParser parser(QueryParser.Operator operator) {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(FIELDS, analyzer, BOOSTS);
        parser.setDefaultOperator(operator);
        parser.setAllowLeadingWildcard(false);
        parser.setSplitOnWhitespace(true);
        return parser;
    }

    private static boolean hasSeveralWords(Query q) {
        return q instanceof BooleanQuery b && b.clauses().size() > 1
                && b.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST);
    }

    /** Only pieces whose time has come: scheduled ones are in the index ahead of time. */
    private Query live(Query query) {
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(LongPoint.newRangeQuery(PieceDocuments.PUBLISH_AT, Long.MIN_VALUE, clock.millis()), BooleanClause.Occur.FILTER)
                .build();
    }

    private List<SearchResults.Hit> hits(IndexSearcher searcher, Query query, ScoreDoc[] docs) throws IOException {
        if (docs.length == 0) return List.of();
        TopDocs pageTop = new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs);
        DefaultPassageFormatter marks = new DefaultPassageFormatter("<mark>", "</mark>", " … ", true);
        // The headline whole, with its matches marked; the body as its best one or two passages.
        Map<String, String[]> headlines = UnifiedHighlighter.builder(searcher, analyzer).withFormatter(marks)
                .withBreakIterator(org.apache.lucene.search.uhighlight.WholeBreakIterator::new)
                .withMaxLength(1000).build()
                .highlightFields(new String[] {PieceDocuments.HEADLINE}, query, pageTop, new int[] {1});
        Map<String, String[]> snippets = UnifiedHighlighter.builder(searcher, analyzer).withFormatter(marks)
                .withMaxLength(20_000).build()
                .highlightFields(new String[] {PieceDocuments.BODY, PieceDocuments.STANDFIRST}, query, pageTop, new int[] {2, 1});
        StoredFields stored = searcher.storedFields();
        List<SearchResults.Hit> hits = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            Document d = stored.document(docs[i].doc);
            PieceKind kind = PieceKind.valueOf(d.get(PieceDocuments.KIND));
            String headline = firstNonBlank(headlines.get(PieceDocuments.HEADLINE)[i], HtmlUtils.htmlEscape(d.get(PieceDocuments.HEADLINE)));
            String snippet = firstNonBlank(snippets.get(PieceDocuments.BODY)[i], snippets.get(PieceDocuments.STANDFIRST)[i],
                    HtmlUtils.htmlEscape(d.get(PieceDocuments.STANDFIRST)));
            String authors = d.get(PieceDocuments.AUTHORS);
            hits.add(new SearchResults.Hit(Long.parseLong(d.get(PieceDocuments.ID)), d.get(PieceDocuments.PATH), kind.name(),
                    kind.label(), kind.path(), d.get(PieceDocuments.SECTION_NAME), headline, snippet,
                    Instant.ofEpochMilli(d.getField(PieceDocuments.PUBLISH_AT).numericValue().longValue()),
                    authors == null || authors.isEmpty() ? List.of() : List.of(authors.split("\u001f"))));
        }
        return hits;
    }

    private static String firstNonBlank(String... candidates) {
        for (String c : candidates) if (c != null && !c.isBlank()) return c;
        return "";
    }

    @Override
    public void destroy() throws IOException {
        synchronized (writeLock) {
            searchers.close();
            writer.close();
            directory.close();
            analyzer.close();
        }
    }
}
