package org.sitrep.search;

import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.sitrep.newsroom.Author;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.Tag;
import org.sitrep.paywall.ReaderText;

/** How a piece becomes a Lucene document: the index's fields in one place. */
final class PieceDocuments {
    static final String ID = "id";
    static final String HEADLINE = "headline";
    static final String STANDFIRST = "standfirst";
    /** The whole body: searched, never stored, so no word of it can come back out of the index. */
    static final String BODY = "body";
    /** The text every reader may receive ({@link ReaderText#freeText}): stored, the only source of body snippets. */
    static final String READABLE = "readable";

    static final String TAGS = "tags";
    static final String KIND = "kind";
    static final String SECTION = "section";
    static final String PUBLISH_AT = "publishAt";
    static final String PATH = "path";
    static final String AUTHORS = "authors";
    static final String SECTION_NAME = "sectionName";
    /** The piece's language ({@link SearchLanguages#of}); a document indexed before languages has none: English. */
    static final String LANGUAGE = "language";

    /** Searchable text fields, stored for highlighting, with offsets so snippets need no re-analysis. */
    static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);

    static {
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
    }

    private PieceDocuments() {}

    static Document of(Piece p, String language) {
        Document d = new Document();
        d.add(new StringField(ID, Long.toString(p.id()), Field.Store.YES));
        // The words in fields of the piece's language, analysed as that language (SearchLanguages).
        d.add(new StringField(LANGUAGE, language, Field.Store.YES));
        d.add(new Field(SearchLanguages.field(HEADLINE, language), p.headline(), TEXT_WITH_OFFSETS));
        d.add(new Field(SearchLanguages.field(STANDFIRST, language), nullToEmpty(p.standfirst()), TEXT_WITH_OFFSETS));
        // A paid piece is found by any of its words, but only readable text is kept to show: a snippet
        // made from the whole body would hand anyone the paragraphs the paywall cuts.
        d.add(new Field(
                SearchLanguages.field(BODY, language), ReaderText.plainText(p.bodyHtml()), TextField.TYPE_NOT_STORED));
        d.add(new Field(SearchLanguages.field(READABLE, language), ReaderText.freeText(p), TEXT_WITH_OFFSETS));
        d.add(new Field(TAGS, p.tags().stream().map(Tag::name).collect(Collectors.joining(", ")), TEXT_WITH_OFFSETS));
        d.add(new StringField(KIND, p.kind().name(), Field.Store.YES));
        if (p.section() != null && !p.section().isBlank()) {
            d.add(new StringField(SECTION, p.section().toLowerCase(Locale.ROOT), Field.Store.NO));
            d.add(new StoredField(SECTION_NAME, p.section()));
        }
        long at = p.publishAt().toEpochMilli();
        d.add(new LongPoint(PUBLISH_AT, at));
        d.add(new NumericDocValuesField(PUBLISH_AT, at));
        d.add(new StoredField(PUBLISH_AT, at));
        d.add(new StoredField(PATH, p.path()));
        d.add(new StoredField(AUTHORS, p.authors().stream().map(Author::name).collect(Collectors.joining("\u001f"))));
        return d;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
