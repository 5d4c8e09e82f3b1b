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
            "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "brig", "sgt", "capt", "cpl", "pvt", "adm",
            "cmdr", "cdr", "gov", "sen", "rep", "pres", "rev", "st", "mt", "ft", "jr", "sr", "no", "vs", "gens",
            "lieut", "hon", "amb", "messrs", "sheikh", "fig", "approx", "est", "dept", "govt", "int'l");
    /** Month abbreviations: not a sentence end when a day number follows ("Jan. 5"). */
    private static final Set<String> MONTHS =
            Set.of("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");
    /** Dotted initialisms ("U.S.", "U.N."): not a sentence end when a lower-case word or one of these follows. */
    private static final Set<String> AFTER_INITIALISM = Set.of(
            "army",
            "navy",
            "air",
            "forces",
            "force",
            "military",
            "troops",
            "officials",
            "official",
            "special",
            "central",
            "state",
            "department",
            "secretary",
            "embassy",
            "envoy",
            "security",
            "general",
            "president",
            "defense",
            "defence",
            "marines",
            "coalition",
            "government",
            "administration",
            "congress",
            "senate",
            "house",
            "ambassador",
            "command",
            "treasury",
            "intelligence",
            "representative",
            "mission",
            "agency",
            "refugee",
            "human",
            "humanitarian",
            "peacekeepers",
            "peacekeeping",
            "and",
            "or");

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

        String[] tag(String[] words) {
            return tagger.tag(words);
        }
    }

    /**
     * The part-of-speech model decoded greedily, left to right: each word gets the tag with the
     * highest score given the words and the tags before it. Scores are summed straight from the
     * maxent parameters; the exponentials and normalisation OpenNLP computes cannot change which
     * tag scores highest.
     *
     * <p>The model's features for a word are its own (prefixes, suffixes, shape, the word: the same
     * wherever it stands), its neighbours within two ("p1w=…"), the sentence start ("S=begin") and
     * the two tags before it. So the score of a word's own features and the parameter rows of its
     * neighbour features are computed once per distinct word and kept ({@link WordFeatures}); a
     * sentence then costs a few array additions per word instead of twenty feature strings and
     * hash look-ups. The constructor checks this split against the model's own context generator
     * and decodes the slow way if a model's features do not split like that.
     */
    static final class GreedyTagger {
        /** Distinct words kept at most (about 300 bytes each); beyond, new words are scored without caching. */
        static final int MAX_CACHED_WORDS = 60_000;

        private final MaxentModel model;
        private final POSModel pos;
        private final Map<String, Context> parameters;
        private final String[] outcomes;
        private final ThreadLocal<POSContextGenerator> contexts;
        private final boolean decomposable;
        private final java.util.concurrent.ConcurrentHashMap<String, WordFeatures> words =
                new java.util.concurrent.ConcurrentHashMap<>();
        /** Rows of "t=TAG" by the previous tag's outcome index, and of "t2=TAG2,TAG1" by both. */
        private final Context[] previousTag;

        private final Context[][] previousTags;
        private final Context[] sentenceStart;

        /** A word's own score per outcome and the rows it adds to the words two before and after it. */
        private record WordFeatures(double[] own, Context next1, Context next2, Context previous1, Context previous2) {}

        @SuppressWarnings("unchecked")
        GreedyTagger(POSModel pos) {
            this.pos = pos;
            model = (MaxentModel) pos.getArtifact("pos.model");
            contexts = ThreadLocal.withInitial(() -> pos.getFactory().getPOSContextGenerator(0));
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
            if (o != null) {
                previousTag = new Context[o.length];
                previousTags = new Context[o.length][o.length];
                for (int a = 0; a < o.length; a++) {
                    previousTag[a] = p.get("t=" + o[a]);
                    for (int b = 0; b < o.length; b++) previousTags[a][b] = p.get("t2=" + o[a] + "," + o[b]);
                }
                sentenceStart = new Context[] {p.get("S=begin"), p.get("p1S=begin"), p.get("p2S=begin")};
            } else {
                previousTag = null;
                previousTags = null;
                sentenceStart = null;
            }
            decomposable = o != null && splitsAsExpected();
        }

        String[] tag(String[] words) {
            if (parameters == null) return tagWithModelEval(words);
            if (!decomposable) return tagFromFeatures(words);
            int n = words.length;
            WordFeatures[] f = new WordFeatures[n];
            for (int i = 0; i < n; i++) f[i] = features(words[i]);
            String[] tags = new String[n];
            int[] best = new int[n];
            double[] scores = new double[outcomes.length];
            for (int i = 0; i < n; i++) {
                System.arraycopy(f[i].own(), 0, scores, 0, scores.length);
                if (i >= 1) add(scores, f[i - 1].next1());
                if (i >= 2) add(scores, f[i - 2].next2());
                if (i + 1 < n) add(scores, f[i + 1].previous1());
                if (i + 2 < n) add(scores, f[i + 2].previous2());
                if (i < 3) add(scores, sentenceStart[i]);
                if (i >= 1) add(scores, previousTag[best[i - 1]]);
                if (i >= 2) add(scores, previousTags[best[i - 2]][best[i - 1]]);
                int b = 0;
                for (int k = 1; k < scores.length; k++) if (scores[k] > scores[b]) b = k;
                best[i] = b;
                tags[i] = outcomes[b];
            }
            return tags;
        }

        private static void add(double[] scores, Context c) {
            if (c == null) return;
            int[] o = c.getOutcomes();
            double[] w = c.getParameters();
            for (int j = 0; j < o.length; j++) scores[o[j]] += w[j];
        }

        private WordFeatures features(String word) {
            WordFeatures f = words.get(word);
            if (f != null) return f;
            double[] own = new double[outcomes.length];
            String lower = null;
            for (String feature : ownFeatures(word)) {
                if (feature.startsWith("w=")) lower = feature.substring(2);
                add(own, parameters.get(feature));
            }
            String w = lower == null ? word : lower;
            f = new WordFeatures(
                    own,
                    parameters.get("p1w=" + w),
                    parameters.get("p2w=" + w),
                    parameters.get("n1w=" + w),
                    parameters.get("n2w=" + w));
            if (this.words.size() < MAX_CACHED_WORDS) this.words.putIfAbsent(word, f);
            return f;
        }

        /** The features of a word that do not depend on its position: the model's context of it alone, minus the sentence start. */
        private List<String> ownFeatures(String word) {
            String[] alone = contexts.get().getContext(0, new String[] {word}, new String[1], null);
            List<String> out = new ArrayList<>(alone.length);
            for (String feature : alone) if (!feature.equals("S=begin")) out.add(feature);
            return out;
        }

        /** The features {@link #tag} sums for word i, as strings: checked against the model's own at start-up. */
        private List<String> decomposedFeatures(int i, String[] words, String[] tags) {
            List<String> out = new ArrayList<>(ownFeatures(words[i]));
            if (i >= 1) out.add("p1" + lowerFeature(words[i - 1]));
            if (i >= 2) out.add("p2" + lowerFeature(words[i - 2]));
            if (i + 1 < words.length) out.add("n1" + lowerFeature(words[i + 1]));
            if (i + 2 < words.length) out.add("n2" + lowerFeature(words[i + 2]));
            if (i < 3) out.add(new String[] {"S=begin", "p1S=begin", "p2S=begin"}[i]);
            if (i >= 1) out.add("t=" + tags[i - 1]);
            if (i >= 2) out.add("t2=" + tags[i - 2] + "," + tags[i - 1]);
            return out;
        }

        private String lowerFeature(String word) {
            for (String feature : ownFeatures(word)) if (feature.startsWith("w=")) return feature;
            return "w=" + word;
        }

        /** Whether this model's features are exactly the split {@link #tag} relies on, on a probe sentence. */
        private boolean splitsAsExpected() {
            String[] probe = {
                "Government",
                "forces",
                "shelled",
                "al-Bab",
                ",",
                "killing",
                "12",
                "people",
                "in",
                "2019",
                "(",
                "AP",
                ")",
                "\u2014",
                "Kessab",
                "'s",
                "residents",
                "fled",
                "."
            };
            String[] tags = tagFromFeatures(probe);
            for (int i = 0; i < probe.length; i++) {
                List<String> theirs = new ArrayList<>(List.of(contexts.get().getContext(i, probe, tags, null)));
                List<String> ours = decomposedFeatures(i, probe, tags);
                java.util.Collections.sort(theirs);
                java.util.Collections.sort(ours);
                if (!theirs.equals(ours)) return false;
            }
            return true;
        }

        /** Greedy decoding over the model's own features, summed per word (the path before the split). */
        String[] tagFromFeatures(String[] words) {
            String[] tags = new String[words.length];
            double[] scores = new double[outcomes.length];
            POSContextGenerator generator = contexts.get();
            for (int i = 0; i < words.length; i++) {
                Arrays.fill(scores, 0);
                for (String feature : generator.getContext(i, words, tags, null)) add(scores, parameters.get(feature));
                int best = 0;
                for (int k = 1; k < scores.length; k++) if (scores[k] > scores[best]) best = k;
                tags[i] = outcomes[best];
            }
            return tags;
        }

        boolean decomposable() {
            return decomposable;
        }

        /** The same decoding through OpenNLP's own evaluation: the reference the fast path must match. */
        String[] tagWithModelEval(String[] words) {
            String[] tags = new String[words.length];
            POSContextGenerator generator = pos.getFactory().getPOSContextGenerator(0);
            for (int i = 0; i < words.length; i++) {
                tags[i] = model.getBestOutcome(model.eval(generator.getContext(i, words, tags, null)));
            }
            return tags;
        }
    }

    static GreedyTagger tagger() {
        return models().tagger();
    }

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
                        m = new Models(
                                new SentenceModel(open(SENTENCE_MODEL)),
                                new TokenizerModel(open(TOKEN_MODEL)),
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

    public EnglishSentences() {
        this(true);
    }

    /** @param tagging false to leave tokens' tag and lemma null (tagging is about a fifth of the engine's time) */
    public EnglishSentences(boolean tagging) {
        this.tagging = tagging;
    }

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
            return Character.isLowerCase(c)
                    || Character.isDigit(c)
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
        for (int i = 0; i < words.length; i++)
            words[i] = spans.get(i).getCoveredText(sentence).toString();
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
            if (i + 2 < spans.length
                    && spans[i + 1].getStart() == s.getEnd()
                    && spans[i + 1].length() == 1
                    && sentence.charAt(s.getEnd()) == '.'
                    && isAbbreviation(word)) {
                out.add(new Span(s.getStart(), s.getEnd() + 1));
                i++;
            } else if (word.length() > 1
                    && word.endsWith(".")
                    && !word.endsWith("..")
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
        return "PROPN".equals(tags[0])
                && words.length > 1
                && words[0].endsWith("s")
                && ("VERB".equals(tags[1]) || "AUX".equals(tags[1]))
                && !SINGULAR_VERBS.contains(words[1].toLowerCase(Locale.ROOT));
    }

    private static boolean isAbbreviation(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return TITLES.contains(w)
                || MONTHS.contains(w)
                || w.length() == 1 && Character.isLetter(w.charAt(0))
                || w.length() >= 3 && INITIALISM.matcher(w).matches();
    }
}
