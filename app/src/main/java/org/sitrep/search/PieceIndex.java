package org.sitrep.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.QueryBuilder;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.HtmlUtils;

/**
 * The Lucene index of pieces in one directory, with no knowledge of where pieces come from:
 * add, remove, commit, search. One {@link IndexWriter} for the application's life and a
 * {@link SearcherManager} whose near-real-time searchers all queries share.
 */
public class PieceIndex implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(PieceIndex.class);
    static final String[] FIELDS = {
        PieceDocuments.HEADLINE, PieceDocuments.TAGS, PieceDocuments.STANDFIRST, PieceDocuments.BODY
    };
    /** Headline and tag matches say more about what a piece is about than a word deep in the body. */
    static final Map<String, Float> BOOSTS = Map.of(
            PieceDocuments.HEADLINE,
            3.0f,
            PieceDocuments.TAGS,
            2.0f,
            PieceDocuments.STANDFIRST,
            1.5f,
            PieceDocuments.BODY,
            1.0f);

    static final int MAX_QUERY_LENGTH = 200;
    public static final int MAX_PAGE = 50;
    /** Counting stops here; past it the result count is shown as "more than". */
    static final int COUNT_LIMIT = 1_000;
    /** Length of a snippet that is only the start of the readable text. */
    static final int SNIPPET_CHARS = 240;

    /** Each language's fields analysed by its language's analyser (SearchLanguages). */
    private final Analyzer analyzer = SearchLanguages.perField();
    /**
     * How far the reader's own language is lifted above the others: BM25 scores of a 200-character query stay far
     * below this, so every piece in the reader's language ranks before any other, and relevance orders each group.
     */
    static final float READERS_LANGUAGE_FIRST = 10_000f;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Changes not yet visible to searches; the next search refreshes first. */
    private final AtomicBoolean unseen = new AtomicBoolean();
    /** Changes not yet committed to disk. */
    private final AtomicBoolean uncommitted = new AtomicBoolean();

    public PieceIndex(Path dir) throws IOException {
        Files.createDirectories(dir);
        this.directory = FSDirectory.open(dir);
        this.writer = openWriter(directory, analyzer);
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens the index, starting afresh when it is unreadable: it can always be rebuilt from the database. */
    private static IndexWriter openWriter(Directory directory, Analyzer analyzer) throws IOException {
        try {
            return new IndexWriter(
                    directory,
                    new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            log.warn("Search index is unreadable ({}); starting a new one", e.getMessage());
            return new IndexWriter(
                    directory, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE));
        }
    }

    // --- writing (callers serialise writes and commits) --------------------------------------

    /**
     * Adds or replaces the piece's document. The next search sees it (near-real-time, no commit
     * needed); it is on disk after the next {@link #commit}. So a burst of changes (a corpus load)
     * costs no refresh or fsync per piece.
     */
    public void put(Piece p) throws IOException {
        put(p, SearchLanguages.of(p));
    }

    /** {@link #put} for a piece in {@code language} (what {@link SearchLanguages#of} will say once pieces have one). */
    void put(Piece p, String language) throws IOException {
        writer.updateDocument(new Term(PieceDocuments.ID, Long.toString(p.id())), PieceDocuments.of(p, language));
        changed();
    }

    public void remove(long pieceId) throws IOException {
        writer.deleteDocuments(new Term(PieceDocuments.ID, Long.toString(pieceId)));
        changed();
    }

    public void removeAll() throws IOException {
        writer.deleteAll();
        changed();
    }

    private void changed() {
        uncommitted.set(true);
        unseen.set(true);
    }

    public boolean hasUncommittedChanges() {
        return uncommitted.get();
    }

    /** Makes changes durable, records {@code userData} with them, and shows them to new searches. */
    public void commit(Map<String, String> userData) throws IOException {
        uncommitted.set(false);
        writer.setLiveCommitData(userData.entrySet());
        writer.commit();
        refresh();
    }

    private void refresh() throws IOException {
        // Cleared first: a change landing during the refresh sets it again for the next search.
        if (unseen.getAndSet(false)) searchers.maybeRefreshBlocking();
    }

    /** What the last commit recorded. */
    public Map<String, String> committedData() {
        Map<String, String> committed = new HashMap<>();
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) data.forEach(e -> committed.put(e.getKey(), e.getValue()));
        return committed;
    }

    /** Ids of every piece in the index, including changes not yet committed. */
    public List<Long> ids() throws IOException {
        unseen.set(false);
        searchers.maybeRefreshBlocking();
        IndexSearcher searcher = searchers.acquire();
        try {
            List<Long> ids = new ArrayList<>();
            IndexReader reader = searcher.getIndexReader();
            Bits live = MultiBits.getLiveDocs(reader);
            StoredFields stored = searcher.storedFields();
            Set<String> idOnly = Set.of(PieceDocuments.ID);
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                if (live == null || live.get(doc))
                    ids.add(Long.parseLong(stored.document(doc, idOnly).get(PieceDocuments.ID)));
            }
            return ids;
        } finally {
            searchers.release(searcher);
        }
    }

    /** Documents in the index, including changes not yet committed. */
    public int size() {
        return writer.getDocStats().numDocs;
    }

    // --- searching -------------------------------------------------------------------------------

    /**
     * Ranked results among pieces published at or before {@code now}. Never throws on odd input:
     * Lucene syntax that does not parse is searched for as plain words, and an unusable query
     * answers with a message.
     */
    public SearchResults search(String rawQuery, int page, int pageSize, Instant now) {
        return search(rawQuery, page, pageSize, now, SearchLanguages.ENGLISH);
    }

    /** {@link #search}, the pieces in {@code readerLanguage} (a language code, e.g. "ar") first. */
    public SearchResults search(String rawQuery, int page, int pageSize, Instant now, String readerLanguage) {
        String reader = SearchLanguages.normalise(readerLanguage);
        String q = rawQuery == null ? "" : rawQuery.strip();
        if (q.isEmpty()) return SearchResults.empty("", pageSize, "Type a word or phrase to search for.");
        if (q.length() > MAX_QUERY_LENGTH) q = q.substring(0, MAX_QUERY_LENGTH);
        int p = Math.max(1, Math.min(page, MAX_PAGE));
        Query parsed = parse(q, QueryParser.Operator.AND, reader);
        if (parsed == null) {
            return SearchResults.empty(
                    q, pageSize, "Those words are too common to search for. Try something more specific.");
        }
        try {
            refresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                Query query = liveAt(parsed, now);
                TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(p * pageSize, null, COUNT_LIMIT));
                if (top.totalHits.value == 0 && allRequired(parsed)) {
                    // Every word together found nothing: rank the pieces that have some of them.
                    Query any = parse(q, QueryParser.Operator.OR, reader);
                    if (any != null) {
                        query = liveAt(any, now);
                        top = searcher.search(query, new TopScoreDocCollectorManager(p * pageSize, null, COUNT_LIMIT));
                    }
                }
                ScoreDoc[] pageDocs = Arrays.copyOfRange(
                        top.scoreDocs, Math.min(top.scoreDocs.length, (p - 1) * pageSize), top.scoreDocs.length);
                boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
                return new SearchResults(
                        q, hits(searcher, query, pageDocs), top.totalHits.value, exact, p, pageSize, null);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IndexSearcher.TooManyClauses e) {
            return SearchResults.empty(q, pageSize, "That search is too broad. Try fewer wildcards.");
        }
    }

    /**
     * Ids of live pieces that share tags with {@code piece}, best first: a rarer shared tag and more
     * shared tags weigh more (BM25 over the tags field), newer first among equals. A few index
     * look-ups, where the same question in SQL groups every piece of a common tag.
     */
    public List<Long> related(Piece piece, int limit, Instant now) {
        if (piece.tags().isEmpty() || limit <= 0) return List.of();
        QueryBuilder phrases = new QueryBuilder(analyzer);
        BooleanQuery.Builder tags = new BooleanQuery.Builder();
        for (var tag : piece.tags()) {
            Query q = phrases.createPhraseQuery(PieceDocuments.TAGS, tag.name());
            if (q != null) tags.add(q, BooleanClause.Occur.SHOULD);
        }
        BooleanQuery shared = tags.build();
        if (shared.clauses().isEmpty()) return List.of();
        Query query = new BooleanQuery.Builder()
                .add(liveAt(shared, now), BooleanClause.Occur.MUST)
                .add(
                        new TermQuery(new Term(PieceDocuments.ID, Long.toString(piece.id()))),
                        BooleanClause.Occur.MUST_NOT)
                .build();
        try {
            refresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                Sort byScoreThenNewest = new Sort(
                        SortField.FIELD_SCORE, new SortField(PieceDocuments.PUBLISH_AT, SortField.Type.LONG, true));
                TopDocs top = searcher.search(query, limit, byScoreThenNewest, false);
                StoredFields stored = searcher.storedFields();
                List<Long> ids = new ArrayList<>();
                for (ScoreDoc hit : top.scoreDocs)
                    ids.add(Long.parseLong(stored.document(hit.doc).get(PieceDocuments.ID)));
                return ids;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The query read in every language, each against its own fields, the reader's language lifted first; null when
     * nothing is left of it in the reader's language (all its words too common to search for).
     */
    private Query parse(String q, QueryParser.Operator operator, String readerLanguage) {
        Query own = parse(
                q,
                operator,
                SearchLanguages.fieldsOf(FIELDS, readerLanguage),
                SearchLanguages.boostsOf(BOOSTS, readerLanguage));
        if (own == null) return null;
        BooleanQuery.Builder languages =
                new BooleanQuery.Builder().add(new BoostQuery(own, READERS_LANGUAGE_FIRST), BooleanClause.Occur.SHOULD);
        for (String language : SearchLanguages.ALL) {
            if (language.equals(readerLanguage)) continue;
            Query other = parse(
                    q,
                    operator,
                    SearchLanguages.fieldsOf(FIELDS, language),
                    SearchLanguages.boostsOf(BOOSTS, language));
            if (other != null) languages.add(other, BooleanClause.Occur.SHOULD);
        }
        return languages.build();
    }

    /** Lucene syntax when it parses, the same words as plain text when it does not; null when nothing is left. */
    private Query parse(String q, QueryParser.Operator operator, String[] fields, Map<String, Float> boosts) {
        // Regular expressions (/…/) can be costly to run; a slash is never needed in a news search.
        String text = q.replace('/', ' ');
        Query query;
        try {
            query = parser(operator, fields, boosts).parse(text);
        } catch (ParseException | IllegalArgumentException e) {
            try {
                query = parser(operator, fields, boosts).parse(QueryParserBase.escape(text));
            } catch (ParseException | IllegalArgumentException again) {
                return null;
            }
        }
        if (query == null || query instanceof MatchNoDocsQuery) return null;
        if (query instanceof BooleanQuery b && b.clauses().isEmpty()) return null;
        return query;
    }

    private MultiFieldQueryParser parser(QueryParser.Operator operator, String[] fields, Map<String, Float> boosts) {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(fields, analyzer, boosts);
        parser.setDefaultOperator(operator);
        parser.setAllowLeadingWildcard(false);
        parser.setSplitOnWhitespace(true);
        return parser;
    }

    /** Whether the query in some language needs every one of several words (so an OR may find more). */
    private static boolean allRequired(Query q) {
        if (q instanceof BoostQuery boosted) return allRequired(boosted.getQuery());
        if (q instanceof BooleanQuery b
                && !b.clauses().isEmpty()
                && b.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.SHOULD)
                && b.clauses().stream().anyMatch(c -> c.getQuery() instanceof BoostQuery)) {
            return b.clauses().stream().anyMatch(c -> allRequired(c.getQuery())); // the languages
        }
        return q instanceof BooleanQuery b
                && b.clauses().size() > 1
                && b.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST);
    }

    /** Only pieces whose time has come: scheduled ones are in the index ahead of time. */
    private static Query liveAt(Query query, Instant now) {
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(
                        LongPoint.newRangeQuery(PieceDocuments.PUBLISH_AT, Long.MIN_VALUE, now.toEpochMilli()),
                        BooleanClause.Occur.FILTER)
                .build();
    }

    private List<SearchResults.Hit> hits(IndexSearcher searcher, Query query, ScoreDoc[] docs) throws IOException {
        if (docs.length == 0) return List.of();
        TopDocs pageTop = new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs);
        // Escaping formatter: the text is HTML-escaped, only the <mark> elements are markup.
        DefaultPassageFormatter marks = new DefaultPassageFormatter("<mark>", "</mark>", " … ", true);
        // The headline whole, with its matches marked; the body as its best one or two passages.
        // Each text field exists in every language; a piece has it in its own only, the others answer null.
        String[] headlineFields = SearchLanguages.fieldsOf(new String[] {PieceDocuments.HEADLINE});
        Map<String, String[]> headlines = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(marks)
                .withBreakIterator(WholeBreakIterator::new)
                .withMaxLength(1000)
                .build()
                .highlightFields(headlineFields, query, pageTop, ones(headlineFields.length, 1));
        // Body snippets come only from the readable text (the whole body is not stored): the query's
        // words, whichever field they were searched in, are marked where they occur in it. No passage
        // without a match (null), so the standfirst can stand in.
        String[] snippetFields =
                SearchLanguages.fieldsOf(new String[] {PieceDocuments.READABLE, PieceDocuments.STANDFIRST});
        int[] snippetPassages = new int[snippetFields.length];
        for (int f = 0; f < snippetFields.length; f++)
            snippetPassages[f] = snippetFields[f].startsWith(PieceDocuments.READABLE) ? 2 : 1;
        Map<String, String[]> snippets = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(marks)
                .withMaxLength(20_000)
                .withFieldMatcher(field -> true)
                .withWeightMatches(false)
                .withMaxNoHighlightPassages(0)
                .build()
                .highlightFields(snippetFields, query, pageTop, snippetPassages);
        StoredFields stored = searcher.storedFields();
        List<SearchResults.Hit> hits = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            Document d = stored.document(docs[i].doc);
            PieceKind kind = PieceKind.valueOf(d.get(PieceDocuments.KIND));
            String language = SearchLanguages.normalise(d.get(PieceDocuments.LANGUAGE));
            String headlineField = SearchLanguages.field(PieceDocuments.HEADLINE, language);
            String readableField = SearchLanguages.field(PieceDocuments.READABLE, language);
            String standfirstField = SearchLanguages.field(PieceDocuments.STANDFIRST, language);
            String headline = firstNonBlank(
                    headlines.get(headlineField)[i], HtmlUtils.htmlEscape(nullToEmpty(d.get(headlineField))));
            String snippet = firstNonBlank(
                    snippets.get(readableField)[i],
                    snippets.get(standfirstField)[i],
                    HtmlUtils.htmlEscape(nullToEmpty(d.get(standfirstField))),
                    HtmlUtils.htmlEscape(opening(d.get(readableField))));
            String authors = d.get(PieceDocuments.AUTHORS);
            hits.add(new SearchResults.Hit(
                    Long.parseLong(d.get(PieceDocuments.ID)),
                    d.get(PieceDocuments.PATH),
                    kind.name(),
                    kind.label(),
                    kind.path(),
                    d.get(PieceDocuments.SECTION_NAME),
                    headline,
                    snippet,
                    Instant.ofEpochMilli(
                            d.getField(PieceDocuments.PUBLISH_AT).numericValue().longValue()),
                    authors == null || authors.isEmpty() ? List.of() : List.of(authors.split("\u001f"))));
        }
        return hits;
    }

    /** The first words of the readable text, for a hit with no match in it and no standfirst. */
    private static String opening(String readable) {
        if (readable == null || readable.length() <= SNIPPET_CHARS) return readable == null ? "" : readable;
        int cut = readable.lastIndexOf(' ', SNIPPET_CHARS);
        return readable.substring(0, cut > 0 ? cut : SNIPPET_CHARS) + " …";
    }

    private static int[] ones(int n, int passages) {
        int[] each = new int[n];
        Arrays.fill(each, passages);
        return each;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String firstNonBlank(String... candidates) {
        for (String c : candidates) if (c != null && !c.isBlank()) return c;
        return "";
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
        analyzer.close();
    }
}
