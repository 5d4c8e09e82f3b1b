package org.sitrep.analysis.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Splits cleaned text into sentences and tokens, with Penn Treebank part-of-speech tags (NN, NNS,
 * NNP, VBD, VBN, VBG, IN, …; see {@link PennTags}) and lemmas, using Apache OpenNLP's English models
 * from Maven Central (UD English-EWT, Apache-2.0).
 *
 * <p>Speed matters (hundreds of articles a second): the tagger decodes greedily with the model's own
 * context generator instead of OpenNLP's beam search (8x faster, the same tags on news text), and
 * lemmas come from {@link EnglishLemmas} rules because OpenNLP's statistical lemmatizer is 20x
 * slower than everything else together.
 *
 * <p>Models are loaded once per JVM; the OpenNLP ME classes are not thread-safe, so each thread
 * gets its own set. Sentences never cross a blank line (headline, standfirst, caption and body
 * paragraphs are separate), and news abbreviations ("Gen.", "Lt. Col.", "U.S.", "Jan. 5") do not
 * end a sentence.
 */
public final class EnglishSentences {
    private static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    private static final String TOKEN_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    private static final String POS_MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

    /** Abbreviations after which a full stop never ends a sentence (titles and ranks). */
    private static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "brig", "sgt", "capt", "cpl", "pvt",
            "adm", "cmdr", "cdr", "gov", "sen", "rep", "pres", "rev", "st", "mt", "ft", "jr", "sr", "no", "vs",
            "gens", "lieut", "hon", "amb", "messrs", "sheikh", "fig", "approx", "est", "dept", "govt", "int'l");
    /** Month abbreviations: not a sentence end when a day number follows ("Jan. 5"). */
    private static final Set<String> MONTHS = Set.of(
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");
    /** Dotted initialisms ("U.S.", "U.N."): not a sentence end when a lower-case word or one of these follows. */
    private static final Set<String> AFTER_INITIALISM = Set.of(
            "army", "navy", "air", "forces", "force", "military", "troops", "officials", "official", "special",
            "central", "state", "department", "secretary", "embassy", "envoy", "security", "general", "president",
            "defense", "defence", "marines", "coalition", "government", "administration", "congress", "senate",
            "house", "ambassador", "command", "treasury", "intelligence", "representative", "mission", "agency",
            "refugee", "human", "humanitarian", "peacekeepers", "peacekeeping", "and", "or");

    private static final java.util.regex.Pattern INITIALISM = java.util.regex.Pattern.compile("(?:[a-z]\\.){1,4}[a-z]");
    private static final Set<String> SINGULAR_VERBS = Set.of("was", "is", "has", "does");

    private static volatile Models models;
    private static final ThreadLocal<Tools> TOOLS = ThreadLocal.withInitial(() -> new Tools(models()));

    private record Models(SentenceModel sentences, TokenizerModel tokens, GreedyTagger tagger) {}

    /** One thread's OpenNLP instances (the tagger is immutable and shared). */
    private static final class Tools {
        final SentenceDetectorME sentences;
        final TokenizerME tokens;
        final GreedyTagger tagger;

        Tools(Models m) {
            sentences = new SentenceDetectorME(m.sentences());
            tokens = new TokenizerME(m.tokens());
            tagger = m.tagger();
        }

        String[] tag(String[] words) { return tagger.tag(words); }
    }

    /**
     * The part-of-speech model decoded greedily, left to right: each word gets the tag with the
     * highest score given the words and the tags before it. Scores are summed straight from the
     * maxent parameters; the exponentials and normalisation OpenNLP computes cannot change which
     * tag scores highest, and they were a third of the tagging time.
     */
    static final class GreedyTagger {
        private final MaxentModel model;
        private final POSContextGenerator contexts;
        private final Map<String, Context> parameters;
        private final String[] outcomes;

        @SuppressWarnings("unchecked")
        GreedyTagger(POSModel pos) {
            model = (MaxentModel) pos.getArtifact("pos.model");
            contexts = pos.getFactory().getPOSContextGenerator(0);
            Map<String, Context> p = null;
            String[] o = null;
            if (model instanceof GISModel gis) {
                Object[] data = gis.getDataStructures();
                if (data.length >= 3 && data[1] instanceof Map<?, ?> map && data[2] instanceof String[] names) {
                    p = (Map<String, Context>) map;
                    o = names;
                }
            }
            parameters = p;
            outcomes = o;
        }

        String[] tag(String[] words) {
            String[] tags = new String[words.length];
            if (parameters == null) {
                for (int i = 0; i < words.length; i++) {
                    tags[i] = model.getBestOutcome(model.eval(contexts.getContext(i, words, tags, null)));
                }
                return tags;
            }
            double[] scores = new double[outcomes.length];
            for (int i = 0; i < words.length; i++) {
                Arrays.fill(scores, 0);
                for (String feature : contexts.getContext(i, words, tags, null)) {
                    Context c = parameters.get(feature);
                    if (c == null) continue;
                    int[] o = c.getOutcomes();
                    double[] w = c.getParameters();
                    for (int j = 0; j < o.length; j++) scores[o[j]] += w[j];
                }
                int best = 0;
                for (int k = 1; k < scores.length; k++) if (scores[k] > scores[best]) best = k;
                tags[i] = outcomes[best];
            }
            return tags;
        }

        /** The same decoding through OpenNLP's own evaluation: the reference the fast path must match. */
        String[] tagWithModelEval(String[] words) {
            String[] tags = new String[words.length];
            for (int i = 0; i < words.length; i++) {
                tags[i] = model.getBestOutcome(model.eval(contexts.getContext(i, words, tags, null)));
            }
            return tags;
        }
    }

    static GreedyTagger tagger() { return models().tagger(); }

    /** Loads the models now (they load lazily otherwise); returns the time it took in milliseconds. */
    public static long load() {
        long t0 = System.nanoTime();
        models();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static Models models() {
        Models m = models;
        if (m == null) {
            synchronized (EnglishSentences.class) {
                m = models;
                if (m == null) {
                    try {
                        m = new Models(new SentenceModel(open(SENTENCE_MODEL)), new TokenizerModel(open(TOKEN_MODEL)),
                                new GreedyTagger(new POSModel(open(POS_MODEL))));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read an OpenNLP model", e);
                    }
                    models = m;
                }
            }
        }
        return m;
    }

    private static InputStream open(String resource) {
        InputStream in = EnglishSentences.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("OpenNLP model " + resource + " is not on the classpath "
                    + "(org.apache.opennlp:opennlp-models-*-en:1.3.0)");
        }
        return in;
    }

    private final boolean tagging;

    public EnglishSentences() { this(true); }

    /** @param tagging false to leave tokens' tag and lemma null (about 3x faster) */
    public EnglishSentences(boolean tagging) { this.tagging = tagging; }

    /** Sentences of {@code text}, numbered from 0, with offsets into {@code text}. */
    public List<Sentence> split(String text) {
        Tools tools = TOOLS.get();
        List<Sentence> out = new ArrayList<>();
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            int blank = text.indexOf("\n\n", pos);
            int end = blank < 0 ? n : blank;
            if (end > pos) splitParagraph(tools, text, pos, end, out);
            pos = end + 2;
        }
        return out;
    }

    /** Longest stretch given to the sentence detector at once; longer paragraphs are split at a sentence end. */
    static final int MAX_PARAGRAPH_CHARS = 5_000;
    /** Longest sentence: a run-on "sentence" beyond this is split at a space to keep tagging bounded. */
    static final int MAX_SENTENCE_CHARS = 1_500;

    private void splitParagraph(Tools tools, String text, int from, int to, List<Sentence> out) {
        while (to - from > MAX_PARAGRAPH_CHARS) {
            int cut = text.lastIndexOf(". ", from + MAX_PARAGRAPH_CHARS);
            if (cut <= from + MAX_PARAGRAPH_CHARS / 2) cut = text.lastIndexOf(' ', from + MAX_PARAGRAPH_CHARS);
            if (cut <= from + MAX_PARAGRAPH_CHARS / 2) cut = from + MAX_PARAGRAPH_CHARS - 1;
            splitPiece(tools, text, from, cut + 1, out);
            from = cut + 1;
        }
        splitPiece(tools, text, from, to, out);
    }

    private void splitPiece(Tools tools, String text, int from, int to, List<Sentence> out) {
        String paragraph = text.substring(from, to);
        Span[] spans = tools.sentences.sentPosDetect(paragraph);
        List<int[]> merged = new ArrayList<>();
        for (Span s : spans) {
            int start = s.getStart();
            int end = s.getEnd();
            if (!merged.isEmpty() && continues(paragraph, merged.get(merged.size() - 1)[1], start)) {
                merged.get(merged.size() - 1)[1] = end;
            } else {
                merged.add(new int[] {start, end});
            }
        }
        for (int[] m : merged) {
            int start = m[0];
            int end = m[1];
            while (start < end && Character.isWhitespace(paragraph.charAt(start))) start++;
            while (end > start && Character.isWhitespace(paragraph.charAt(end - 1))) end--;
            while (end - start > MAX_SENTENCE_CHARS) {
                int cut = paragraph.lastIndexOf(' ', start + MAX_SENTENCE_CHARS);
                if (cut <= start) cut = start + MAX_SENTENCE_CHARS;
                out.add(sentence(tools, text, out.size(), from + start, from + cut));
                start = cut;
                while (start < end && Character.isWhitespace(paragraph.charAt(start))) start++;
            }
            if (end > start) out.add(sentence(tools, text, out.size(), from + start, from + end));
        }
    }

    /** Whether the break between {@code prevEnd} and {@code nextStart} falls after an abbreviation. */
    static boolean continues(String paragraph, int prevEnd, int nextStart) {
        int e = prevEnd;
        while (e > 0 && Character.isWhitespace(paragraph.charAt(e - 1))) e--;
        if (e == 0 || paragraph.charAt(e - 1) != '.') return false;
        int b = e - 1;
        while (b > 0 && !Character.isWhitespace(paragraph.charAt(b - 1)) && paragraph.charAt(b - 1) != '(') b--;
        String word = paragraph.substring(b, e - 1).toLowerCase(Locale.ROOT);
        String next = firstWord(paragraph, nextStart);
        if (next.isEmpty()) return false;
        char c = next.charAt(0);
        if (TITLES.contains(word)) return true;
        if (MONTHS.contains(word)) return Character.isDigit(c);
        boolean initialism = word.length() >= 3 && INITIALISM.matcher(word).matches();
        if (initialism || word.length() == 1 && Character.isLetter(word.charAt(0))) {
            return Character.isLowerCase(c) || Character.isDigit(c)
                    || AFTER_INITIALISM.contains(next.toLowerCase(Locale.ROOT));
        }
        return false;
    }

    private static String firstWord(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        int j = i;
        while (j < s.length() && Character.isLetterOrDigit(s.charAt(j))) j++;
        return s.substring(i, j);
    }

    private Sentence sentence(Tools tools, String text, int index, int start, int end) {
        String sentence = text.substring(start, end);
        List<Span> spans = joinAbbreviations(sentence, tokenize(tools, sentence));
        String[] words = new String[spans.size()];
        for (int i = 0; i < words.length; i++) words[i] = spans.get(i).getCoveredText(sentence).toString();
        if (!tagging) {
            List<Token> bare = new ArrayList<>(words.length);
            for (int i = 0; i < words.length; i++) {
                Span s = spans.get(i);
                bare.add(new Token(start + s.getStart(), start + s.getEnd(), words[i], null, null));
            }
            return new Sentence(index, start, end, sentence, List.copyOf(bare));
        }
        String[] ud = tools.tag(words);
        String[] lemmas = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            lemmas[i] = EnglishLemmas.lemma(words[i], PennTags.coarse(lemmaTag(words, ud, i)));
        }
        String[] tags = PennTags.of(words, ud, lemmas);
        if (nounAtStart(words, ud)) tags[0] = "NNS";
        List<Token> tokens = new ArrayList<>(words.length);
        for (int i = 0; i < words.length; i++) {
            Span s = spans.get(i);
            tokens.add(new Token(start + s.getStart(), start + s.getEnd(), words[i], tags[i], lemmas[i]));
        }
        return new Sentence(index, start, end, sentence, List.copyOf(tokens));
    }

    /**
     * Tokens of a sentence. Words of letters and digits only are tokens as they stand; the tokenizer
     * model runs on the rest ("rebel-held", "said,", "Aleppo."). The English model ships with this
     * optimisation switched off, which makes it evaluate every character of every word: 3x slower.
     */
    private static Span[] tokenize(Tools tools, String sentence) {
        List<Span> out = new ArrayList<>(sentence.length() / 5);
        int n = sentence.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(sentence.charAt(i))) i++;
            if (i >= n) break;
            int start = i;
            boolean plain = true;
            while (i < n && !Character.isWhitespace(sentence.charAt(i))) {
                if (!Character.isLetterOrDigit(sentence.charAt(i))) plain = false;
                i++;
            }
            if (plain) {
                out.add(new Span(start, i));
            } else if (!splitPunctuation(sentence, start, i, out)) {
                for (Span s : tools.tokens.tokenizePos(sentence.substring(start, i))) {
                    out.add(new Span(start + s.getStart(), start + s.getEnd()));
                }
            }
        }
        return out.toArray(new Span[0]);
    }

    private static final String OPENERS = "\"“‘'([";
    private static final String CLOSERS = ",.;:!?\"”’')]";

    /**
     * The common case without the model: a plain word wrapped in quotes, brackets or followed by
     * punctuation ("said," "(AP)" "\"We"). Returns false when the word needs the model.
     */
    private static boolean splitPunctuation(String sentence, int start, int end, List<Span> out) {
        int a = start;
        while (a < end && OPENERS.indexOf(sentence.charAt(a)) >= 0) a++;
        int b = end;
        while (b > a && CLOSERS.indexOf(sentence.charAt(b - 1)) >= 0) b--;
        if (a == b) return false;
        for (int k = a; k < b; k++) if (!Character.isLetterOrDigit(sentence.charAt(k))) return false;
        for (int k = start; k < a; k++) out.add(new Span(k, k + 1));
        out.add(new Span(a, b));
        for (int k = b; k < end; k++) out.add(new Span(k, k + 1));
        return true;
    }

    /**
     * Puts the full stop back on abbreviations the tokenizer split off ("Gen" "." → "Gen.", "U.N" "." →
     * "U.N.") and splits it off words the tokenizer left it on ("Aleppo." → "Aleppo" ".").
     */
    private static List<Span> joinAbbreviations(String sentence, Span[] spans) {
        List<Span> out = new ArrayList<>(spans.length);
        for (int i = 0; i < spans.length; i++) {
            Span s = spans[i];
            String word = sentence.substring(s.getStart(), s.getEnd());
            if (i + 2 < spans.length && spans[i + 1].getStart() == s.getEnd() && spans[i + 1].length() == 1
                    && sentence.charAt(s.getEnd()) == '.' && isAbbreviation(word)) {
                out.add(new Span(s.getStart(), s.getEnd() + 1));
                i++;
            } else if (word.length() > 1 && word.endsWith(".") && !word.endsWith("..")
                    && !(i + 1 < spans.length && isAbbreviation(word.substring(0, word.length() - 1)))) {
                out.add(new Span(s.getStart(), s.getEnd() - 1));
                out.add(new Span(s.getEnd() - 1, s.getEnd()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The tagger calls a capitalised plural at the start of a sentence a proper noun ("Clashes
     * erupted"); lemmatise it as the common noun it is when a plural verb follows.
     */
    private static String lemmaTag(String[] words, String[] tags, int i) {
        return i == 0 && nounAtStart(words, tags) ? "NOUN" : tags[i];
    }

    private static boolean nounAtStart(String[] words, String[] tags) {
        return "PROPN".equals(tags[0]) && words.length > 1 && words[0].endsWith("s")
                && ("VERB".equals(tags[1]) || "AUX".equals(tags[1]))
                && !SINGULAR_VERBS.contains(words[1].toLowerCase(Locale.ROOT));
    }

    private static boolean isAbbreviation(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return TITLES.contains(w) || MONTHS.contains(w) || w.length() == 1 && Character.isLetter(w.charAt(0))
                || w.length() >= 3 && INITIALISM.matcher(w).matches();
    }
}
