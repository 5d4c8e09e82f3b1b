package org.sitrep.analysis.text;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.sitrep.analysis.Document;
import org.sitrep.analysis.UnreadableDocumentException;

/**
 * Turns a {@link Document} (plain text, Markdown or an HTML page) into {@link CleanText}: the
 * headline, standfirst, photo caption and body paragraphs joined by blank lines, split into
 * sentences and tokens. Every offset the engine reports points into this text.
 *
 * <p>Work per document is capped: HTML beyond {@link #MAX_INPUT_CHARS} characters is not parsed and
 * cleaned text beyond {@link #MAX_TEXT_CHARS} is cut at a word boundary (see {@link #truncated}).
 * Thread-safe.
 */
public final class TextCleaner {
    /** Raw input read at most (10 MB pages happen: saved pages with inline images). */
    public static final int MAX_INPUT_CHARS = 4_000_000;
    /** Cleaned text analysed at most: about 30,000 words, far more than any article. */
    public static final int MAX_TEXT_CHARS = 200_000;

    private static final int CUT_SLACK = 2_000;
    /** No word is longer: longer runs of non-space characters (base64, hashes, runaway punctuation) are shortened. */
    public static final int MAX_WORD_CHARS = 100;

    private static final Pattern HTML_SNIFF = Pattern.compile(
            "(?i)<(?:!doctype|html|head|body|article|div|p|span|h[1-6]|meta|title|section|main|br|table)\\b");
    private static final Pattern MARKDOWN_SNIFF = Pattern.compile(
            "(?m)^(?:#{1,6} |> |[*-] |\\d{1,3}\\. )|\\*\\*[^*\\n]{1,200}\\*\\*|\\]\\([^)\\s]{1,500}\\)");
    private static final Parser MARKDOWN = Parser.builder().build();

    private final EnglishSentences sentences;
    private final Clock clock;

    public TextCleaner() {
        this(Clock.systemUTC());
    }

    /** {@code clock} gives "today" when neither the caller nor the page says when it was published. */
    public TextCleaner(Clock clock) {
        this(clock, true);
    }

    /**
     * @param tagging false to leave tokens without part-of-speech tags and lemmas (null): tagging is
     *                about a fifth of the engine's time, and the later stages also work from word forms
     */
    public TextCleaner(Clock clock, boolean tagging) {
        this.clock = clock;
        this.sentences = new EnglishSentences(tagging);
    }

    public CleanText clean(Document document) {
        String content = document.content() == null ? "" : document.content();
        if (content.length() > MAX_INPUT_CHARS) content = content.substring(0, MAX_INPUT_CHARS);
        checkReadable(content);
        Document.Format format = document.format() == null ? Document.Format.AUTO : document.format();
        if (format == Document.Format.AUTO) format = sniff(content);

        String title = document.title();
        LocalDate published = document.published();
        List<String> blocks;
        switch (format) {
            case HTML -> {
                WebPage page = WebPage.parse(content);
                blocks = new ArrayList<>(page.blocks());
                if (title == null) title = page.title();
                if (published == null) published = page.published();
            }
            case MARKDOWN -> blocks = markdownBlocks(shortenRuns(content));
            default -> blocks = textBlocks(shortenRuns(content));
        }
        if (title == null && !blocks.isEmpty() && looksLikeHeadline(blocks.get(0))) title = blocks.get(0);
        if (title != null
                && !title.isBlank()
                && (blocks.isEmpty() || !blocks.get(0).equals(title.strip()))) {
            blocks.add(0, WebPage.clean(title));
        }
        if (published == null) published = LocalDate.now(clock);

        String text = cut(shortenRuns(String.join("\n\n", blocks)));
        return new CleanText(title == null ? null : WebPage.clean(title), text, published, sentences.split(text));
    }

    /** Whether {@code text} (a {@link CleanText#text()}) was cut at {@link #MAX_TEXT_CHARS}. */
    public static boolean truncated(String text) {
        return text.length() > MAX_TEXT_CHARS - CUT_SLACK;
    }

    static Document.Format sniff(String content) {
        String head = content.length() > 4000 ? content.substring(0, 4000) : content;
        if (HTML_SNIFF.matcher(head).find()) return Document.Format.HTML;
        if (MARKDOWN_SNIFF.matcher(head).find()) return Document.Format.MARKDOWN;
        return Document.Format.TEXT;
    }

    /** Rejects binary data: NUL bytes, or many control and replacement characters. */
    static void checkReadable(String content) {
        int sample = Math.min(content.length(), 100_000);
        int bad = 0;
        for (int i = 0; i < sample; i++) {
            char c = content.charAt(i);
            if (c == 0) throw new UnreadableDocumentException("the input contains NUL bytes: binary data, not text");
            if (c == '\uFFFD' || c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') bad++;
        }
        if (sample > 0 && bad > Math.max(8, sample / 20)) {
            throw new UnreadableDocumentException("the input is not readable text (" + bad
                    + " control or undecodable characters in the first " + sample + ")");
        }
    }

    private static boolean looksLikeHeadline(String block) {
        return block.length() <= 200
                && block.indexOf('\n') < 0
                && !block.endsWith(".")
                && !block.endsWith(":")
                && block.split(" ").length >= 2;
    }

    /** Plain text: paragraphs at blank lines, and at line ends that close a sentence or a short heading line. */
    static List<String> textBlocks(String content) {
        String normalised = content.replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n');
        String[] lines = normalised.split("\n", -1);
        List<String> blocks = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = WebPage.clean(lines[i].replace('\t', ' '));
            if (line.isEmpty()) {
                flush(paragraph, blocks);
                continue;
            }
            if (paragraph.length() > 0) paragraph.append(' ');
            paragraph.append(line);
            String next = i + 1 < lines.length ? lines[i + 1].strip() : "";
            if (endsParagraph(line, next)) flush(paragraph, blocks);
        }
        flush(paragraph, blocks);
        return blocks;
    }

    /** A line closes its paragraph when it ends a sentence, or is a short heading-like line ("BEIRUT", "Update 10:45"). */
    private static boolean endsParagraph(String line, String next) {
        char last = line.charAt(line.length() - 1);
        if (".!?\"”’':".indexOf(last) >= 0) return true;
        return line.length() < 40
                && !next.isEmpty()
                && (Character.isUpperCase(next.charAt(0)) || Character.isDigit(next.charAt(0)));
    }

    private static void flush(StringBuilder paragraph, List<String> blocks) {
        if (paragraph.length() > 0) {
            blocks.add(paragraph.toString());
            paragraph.setLength(0);
        }
    }

    /** Markdown: the text of headings, paragraphs and list items; code blocks left out. */
    static List<String> markdownBlocks(String content) {
        Node doc = MARKDOWN.parse(content);
        List<String> blocks = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                add(heading);
            }

            @Override
            public void visit(Paragraph paragraph) {
                add(paragraph);
            }

            @Override
            public void visit(FencedCodeBlock code) {}

            @Override
            public void visit(IndentedCodeBlock code) {}

            @Override
            public void visit(HtmlBlock html) {
                String t = WebPage.clean(Jsoup.parse(html.getLiteral()).text());
                if (!t.isEmpty()) blocks.add(t);
            }

            @Override
            public void visit(ListItem item) {
                visitChildren(item);
            }

            @Override
            public void visit(BlockQuote quote) {
                visitChildren(quote);
            }

            private void add(Node block) {
                StringBuilder sb = new StringBuilder();
                inline(block, sb);
                String t = WebPage.clean(sb.toString());
                if (!t.isEmpty()) blocks.add(t);
            }
        });
        return blocks;
    }

    private static void inline(Node node, StringBuilder sb) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) sb.append(t.getLiteral());
            else if (n instanceof Code c) sb.append(c.getLiteral());
            else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) sb.append(' ');
            else if (n instanceof HtmlInline) {
                /* tags carry no words */
            } else inline(n, sb);
        }
    }

    /** Shortens every run of non-space characters to {@link #MAX_WORD_CHARS} plus an ellipsis. */
    static String shortenRuns(String s) {
        StringBuilder sb = null;
        int last = 0;
        int run = 0;
        int n = s.length();
        for (int i = 0; i <= n; i++) {
            if (i < n && !Character.isWhitespace(s.charAt(i))) {
                run++;
                continue;
            }
            if (run > MAX_WORD_CHARS) {
                if (sb == null) sb = new StringBuilder(s.length());
                int start = i - run;
                int end = start + MAX_WORD_CHARS;
                if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
                sb.append(s, last, end).append('…');
                last = i;
            }
            run = 0;
        }
        return sb == null ? s : sb.append(s, last, n).toString();
    }

    /** Cuts over-long text at a word boundary just before {@link #MAX_TEXT_CHARS}. */
    private static String cut(String text) {
        if (text.length() <= MAX_TEXT_CHARS) return text;
        int floor = MAX_TEXT_CHARS - CUT_SLACK / 2;
        int end = text.lastIndexOf("\n\n", MAX_TEXT_CHARS);
        if (end < floor) end = text.lastIndexOf(". ", MAX_TEXT_CHARS - 1) + 1;
        if (end < floor) end = text.lastIndexOf(' ', MAX_TEXT_CHARS);
        if (end < floor) end = MAX_TEXT_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return text.substring(0, end).strip();
    }

    /** Share of letters that are Latin script: a cheap hint that a text is not English. */
    public static double latinShare(String text) {
        int letters = 0;
        int latin = 0;
        for (int i = 0; i < text.length() && letters < 20_000; i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) latin++;
            }
        }
        return letters == 0 ? 1.0 : (double) latin / letters;
    }
}
