package org.sitrep.analysis.events;

import java.util.List;
import java.util.regex.Pattern;
import org.sitrep.analysis.text.Sentence;

/**
 * The page furniture around a report: headlines (questions included), bylines, photo captions and their credit
 * and tag lines ("Tags: POLITICS CIVIL UNREST"), and "what to watch" lists. Their actions are not events of
 * their own: an event told there stands only when the body tells the same event (the two merge); see
 * {@link EventMerger}. A text that is all furniture (a one-line report, a headline handed in alone) is read as
 * body, since there is nothing else to tell the event.
 */
final class PageFurniture {
    private static final Pattern TAG_LINE = Pattern.compile(
            "(?i)^\\s*(tags|keywords|topics|related( topics| coverage| stories)?|filed under|categories|read more)\\s*:.*");
    private static final Pattern BYLINE = Pattern.compile(
            "^\\s*((By|BY)\\s+\\p{Lu}|.*\\b(Reporting|Writing|Editing|Additional reporting) by\\s+\\p{Lu}).*",
            Pattern.DOTALL);
    // Both are searched for (find), never matched as ".*X.*": a leading ".*" retries every alternative at every
    // position of every sentence, and a credit line used to be re-read once for each of its sentences.
    private static final Pattern CREDIT = Pattern.compile(
            "(?i)\\(\\s*photo\\b|\\bphoto\\s*:|\\bphotograph\\s*:|\\bfile photo\\b|\\bcredit\\s*:|\\bgetty images\\b"
                    + "|\\bvia getty\\b|\\bimage\\s*:");
    /** Every credit above contains one of these (lower case): a cheap test before the search. */
    private static final String[] CREDIT_WORDS = {"photo", "credit", "getty", "image"};

    private static final Pattern WATCH_HEADING = Pattern.compile(
            "(?i)\\b((what|things|points|issues|questions) to (watch|look out for|look for)|what(['\u2019]s| is| comes) next"
                    + "|watch for|looking ahead|the week ahead)\\b");
    private static final String[] WATCH_WORDS = {"watch", "look", "next", "ahead"};
    private static final Pattern LIVE =
            Pattern.compile("^\\s*(LIVE|WATCH|BREAKING|UPDATE|VIDEO|PHOTOS?)\\b.*", Pattern.DOTALL);

    private PageFurniture() {}

    /** For each sentence, whether it is page furniture; all false when nothing else in the text is body. */
    static boolean[] of(String text, List<Sentence> sentences) {
        boolean[] out = new boolean[sentences.size()];
        boolean body = false;
        boolean watchList = false;
        int previousEnd = 0;
        int creditLineStart = -1;
        boolean creditLine = false;
        for (int k = 0; k < sentences.size(); k++) {
            Sentence s = sentences.get(k);
            String st = s.text() != null ? s.text() : text.substring(s.start(), Math.min(s.end(), text.length()));
            boolean paragraph =
                    text.substring(Math.min(previousEnd, s.start()), s.start()).contains("\n\n");
            if (paragraph) watchList = false;
            boolean heading = mentions(st, WATCH_WORDS)
                    && WATCH_HEADING.matcher(st).find()
                    && (onItsOwnLine(text, s) || st.strip().endsWith(":"));
            int lineStart = lineStart(text, s);
            if (lineStart != creditLineStart) { // one search a line, however many sentences it has
                String line = line(text, s);
                creditLine =
                        mentions(line, CREDIT_WORDS) && CREDIT.matcher(line).find();
                creditLineStart = lineStart;
            }
            out[k] = watchList
                    || heading
                    || TAG_LINE.matcher(st).matches()
                    || capitalsOnly(st)
                    || BYLINE.matcher(st).matches() && words(st) <= 14
                    || creditLine
                    || LIVE.matcher(st).matches()
                    || onItsOwnLine(text, s) && !endsASentence(st);
            if (heading) watchList = true;
            body |= !out[k];
            previousEnd = s.end();
        }
        if (!body) java.util.Arrays.fill(out, false);
        return out;
    }

    /** "… on Monday.", "… he said.\"": a full stop or an exclamation, quotes and brackets aside. */
    private static boolean endsASentence(String st) {
        int end = st.length();
        while (end > 0 && "\"\u201d\u2019')] ".indexOf(st.charAt(end - 1)) >= 0) end--;
        return end > 0 && (st.charAt(end - 1) == '.' || st.charAt(end - 1) == '!');
    }

    /** The line (paragraph) a sentence is in: a caption's credit marks the caption's every sentence. */
    private static String line(String text, Sentence s) {
        int from = lineStart(text, s);
        int to = text.indexOf('\n', Math.min(s.end(), text.length()));
        return text.substring(Math.min(from, s.start()), to < 0 ? text.length() : to);
    }

    private static int lineStart(String text, Sentence s) {
        return text.lastIndexOf('\n', Math.max(0, s.start() - 1)) + 1;
    }

    /** Whether the text holds one of these lower-case words, ignoring case. */
    private static boolean mentions(String text, String[] words) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (String w : words) if (lower.contains(w)) return true;
        return false;
    }

    /** A line alone: a headline or a caption, not a sentence of a paragraph. */
    private static boolean onItsOwnLine(String text, Sentence s) {
        int before = s.start() - 1;
        while (before >= 0 && text.charAt(before) == ' ') before--;
        int after = Math.min(s.end(), text.length());
        while (after < text.length() && text.charAt(after) == ' ') after++;
        return (before < 0 || text.charAt(before) == '\n') && (after >= text.length() || text.charAt(after) == '\n');
    }

    /** "POLITICS CIVIL UNREST CONFLICT": a wire's subject codes, not a sentence. */
    private static boolean capitalsOnly(String st) {
        int words = 0;
        int capitals = 0;
        for (int at = nextWord(st, 0); at < st.length(); at = nextWord(st, wordEnd(st, at))) {
            int end = wordEnd(st, at);
            if (end - at < 2) continue;
            words++;
            if (capitals(st, at, end)) capitals++;
        }
        return words >= 3 && capitals * 10 >= words * 8;
    }

    private static int words(String st) {
        int n = 0;
        for (int at = nextWord(st, 0); at < st.length(); at = nextWord(st, wordEnd(st, at))) n++;
        return n;
    }

    // A word is a letter, then letters, apostrophes and hyphens ("\p{L}[\p{L}'\u2019-]*"), read by character:
    // a regular expression per sentence was a tenth of the event stage.

    /** Where the next word starts at or after {@code from} (the text's length when none does). */
    private static int nextWord(String st, int from) {
        int i = from;
        while (i < st.length()) {
            int cp = st.codePointAt(i);
            if (Character.isLetter(cp)) return i;
            i += Character.charCount(cp);
        }
        return st.length();
    }

    /** Where the word starting at {@code start} ends. */
    private static int wordEnd(String st, int start) {
        int i = start + Character.charCount(st.codePointAt(start));
        while (i < st.length()) {
            int cp = st.codePointAt(i);
            if (!Character.isLetter(cp) && cp != '\'' && cp != '\u2019' && cp != '-') break;
            i += Character.charCount(cp);
        }
        return i;
    }

    /** Whether the word is all capitals (upper-casing leaves it as it is); a lower-case ASCII letter says no at once. */
    private static boolean capitals(String st, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = st.charAt(i);
            if (c >= 'a' && c <= 'z') return false;
        }
        String w = st.substring(start, end);
        return w.equals(w.toUpperCase(java.util.Locale.ROOT));
    }
}
