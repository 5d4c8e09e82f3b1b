package org.sitrep.search;

import java.io.Reader;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.sitrep.newsroom.Piece;

/**
 * Each piece is searched in its own language: its words are indexed in fields of that language
 * ({@code headline} for English as before, {@code headline_ar}, {@code headline_fa}…), each analysed by Lucene's
 * analyser for the language: Arabic (diacritics, alef and yeh variants, teh marbuta, light stemming), Persian
 * (Arabic letter forms, zero-width non-joiner), Turkish (dotted and dotless i, apostrophes, stemming), and for
 * Hebrew, which Lucene has no analyser for, {@link #hebrew} (points stripped, final letters folded). A query is
 * read by every language's analyser, each against its own fields.
 */
final class SearchLanguages {
    static final String ENGLISH = "en";
    /** English first: its fields keep their names, so an index built before languages existed stays valid. */
    static final List<String> ALL = List.of(ENGLISH, "ar", "fa", "tr", "he");

    private SearchLanguages() {}

    /** The language of a piece (its edition's, {@code pieces.language}); English where unknown. */
    static String of(Piece p) {
        return normalise(p.language());
    }

    /** A supported language from a locale or a stored code; English for anything else. */
    static String normalise(String language) {
        if (language == null) return ENGLISH;
        String l = Locale.forLanguageTag(language.strip().replace('_', '-')).getLanguage(); // "iw" reads "he"
        return ALL.contains(l) ? l : ENGLISH;
    }

    /** The name of a text field in a language: {@code headline}, {@code headline_ar}. */
    static String field(String base, String language) {
        return language.equals(ENGLISH) ? base : base + "_" + language;
    }

    /** The query fields of one language: the text fields in its names; tags stay shared (analysed as English). */
    static String[] fieldsOf(String[] fields, String language) {
        String[] named = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            named[i] = fields[i].equals(PieceDocuments.TAGS) ? fields[i] : field(fields[i], language);
        }
        return named;
    }

    /** The same boosts under one language's field names. */
    static Map<String, Float> boostsOf(Map<String, Float> boosts, String language) {
        Map<String, Float> named = new HashMap<>();
        boosts.forEach((f, b) -> named.put(f.equals(PieceDocuments.TAGS) ? f : field(f, language), b));
        return named;
    }

    /** Each of {@code fields} in every language, English first. */
    static String[] fieldsOf(String[] fields) {
        List<String> all = new java.util.ArrayList<>();
        for (String l : ALL) for (String f : fields) all.add(field(f, l));
        return all.toArray(String[]::new);
    }

    static Analyzer analyzer(String language) {
        return switch (language) {
            case "ar" -> new ArabicAnalyzer();
            case "fa" -> new PersianAnalyzer();
            case "tr" -> new TurkishAnalyzer();
            case "he" -> hebrew();
            default -> new EnglishAnalyzer();
        };
    }

    /** Every field analysed by its language's analyser (by its suffix); the rest (tags) by English. */
    static Analyzer perField() {
        Map<String, Analyzer> byLanguage = new HashMap<>();
        for (String l : ALL) byLanguage.put(l, analyzer(l));
        return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                int cut = fieldName.lastIndexOf('_');
                String suffix = cut < 0 ? ENGLISH : fieldName.substring(cut + 1);
                return byLanguage.getOrDefault(suffix, byLanguage.get(ENGLISH));
            }
        };
    }

    /**
     * Hebrew as readers type it: vowel points and cantillation marks (niqqud, U+0591–U+05C7 but the maqaf and the
     * punctuation among them) are dropped, so "שָׁלוֹם" finds "שלום"; final letters (ך ם ן ף ץ) are folded into their
     * usual forms, so a word cut by a search still matches; Latin letters in the text are lower-cased.
     */
    static Analyzer hebrew() {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        for (char c = '\u0591'; c <= '\u05C7'; c++) {
            if (c == '\u05BE' || c == '\u05C0' || c == '\u05C3' || c == '\u05C6')
                continue; // maqaf, paseq, sof pasuq, nun hafukha
            map.add(String.valueOf(c), "");
        }
        map.add("ך", "כ");
        map.add("ם", "מ");
        map.add("ן", "נ");
        map.add("ף", "פ");
        map.add("ץ", "צ");
        NormalizeCharMap folded = map.build();
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer words = new StandardTokenizer();
                TokenStream lower = new LowerCaseFilter(words);
                return new TokenStreamComponents(words, lower);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new MappingCharFilter(folded, reader);
            }

            @Override
            protected Reader initReaderForNormalization(String fieldName, Reader reader) {
                return new MappingCharFilter(folded, reader);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }
}
