package org.sitrep.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.springframework.stereotype.Service;

/**
 * The front door shared by the hot folder, the command line, the admin's "add page" and the feed
 * poller: works out what an input is (web page, feed, NewsML-G2, ninjs, JPEG, text), reads it, and
 * hands each item to {@link Intake}. Whatever goes wrong is recorded as an ingestion error with
 * its reason and reported, never thrown: one bad input or entry does not stop the others.
 */
@Service
public class Ingestion {
    /** What happened to one input: the items it gave and the errors (an input may give both, e.g. a feed). */
    public record Report(String input, List<Intake.Outcome> outcomes, List<String> errors) {
        public boolean failed() {
            return !errors.isEmpty();
        }

        /** One line: the outcome of a single item, or a count for a feed or a wire message. */
        public String describe() {
            if (outcomes.size() == 1 && errors.isEmpty()) return outcomes.get(0).describe();
            if (outcomes.isEmpty() && errors.size() == 1) return "error: " + errors.get(0);
            long fresh = outcomes.stream()
                    .filter(o -> o.result() == Intake.Result.NEW)
                    .count();
            long dup = outcomes.stream()
                    .filter(o -> o.result() == Intake.Result.DUPLICATE)
                    .count();
            long repeat = outcomes.size() - fresh - dup;
            String s = fresh + " new, " + dup + " duplicate, " + repeat + " already ingested";
            if (!errors.isEmpty()) s += "; " + errors.size() + " error(s): " + String.join("; ", errors);
            return s;
        }
    }

    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([A-Za-z0-9._:-]+)");
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer MARKDOWN_HTML = HtmlRenderer.builder().build();

    private final Intake intake;
    private final IngestErrors errors;
    private final Fetcher fetcher;
    private final IngestSettings settings;

    Ingestion(Intake intake, IngestErrors errors, Fetcher fetcher, IngestSettings settings) {
        this.intake = intake;
        this.errors = errors;
        this.fetcher = fetcher;
        this.settings = settings;
    }

    /** A file from the inbox or the command line; {@code options}: how it is opened (the inbox never follows a link). */
    public Report file(Path file, Intake.Origin origin, LinkOption... options) {
        String name = file.getFileName().toString();
        try {
            long size = Files.readAttributes(file, BasicFileAttributes.class, options)
                    .size();
            if (size > settings.maxBytes())
                throw new BadInput("larger than " + settings.maxBytes() / (1024 * 1024) + " MB");
            if (size == 0) throw new BadInput("empty file");
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file, options)) {
                bytes = in.readNBytes(settings.maxBytes() + 1);
            }
            if (bytes.length > settings.maxBytes())
                throw new BadInput("larger than " + settings.maxBytes() / (1024 * 1024) + " MB");
            return bytes(name, bytes, null, null, origin);
        } catch (BadInput e) {
            return failed(name, origin, e.getMessage());
        } catch (IOException e) {
            return failed(name, origin, "could not read the file: " + e.getMessage());
        }
    }

    /** A web address given once (admin "add page", command line): a page, or a feed read once. */
    public Report url(String url, Intake.Origin origin) {
        try {
            Fetcher.Response response = fetcher.get(url, null, null);
            return bytes(url, response.body(), response.contentType(), url.strip(), origin);
        } catch (BadInput e) {
            return failed(url, origin, e.getMessage());
        }
    }

    /**
     * Reads {@code bytes} named {@code name} (a file name or URL) of the given content type (may be
     * null) and takes in every item. {@code pageUrl}: where a web page came from, or null for a file.
     */
    public Report bytes(String name, byte[] bytes, String contentType, String pageUrl, Intake.Origin origin) {
        return bytes(name, bytes, contentType, pageUrl, origin, null);
    }

    /**
     * As {@link #bytes(String, byte[], String, String, Intake.Origin)}; for a feed, {@code linked}
     * (when not null) fetches each new entry's linked article within its round's per-host share.
     */
    Report bytes(
            String name,
            byte[] bytes,
            String contentType,
            String pageUrl,
            Intake.Origin origin,
            LinkedArticles.Round linked) {
        List<Intake.Outcome> outcomes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            String kind = kindOf(name, bytes, contentType);
            switch (kind) {
                case "photo" -> outcomes.add(intake.take(WirePhoto.read(bytes), origin, bytes, "image/jpeg"));
                case "ninjs" -> {
                    for (WireItem item : Ninjs.read(bytes))
                        outcomes.add(intake.take(item, origin, bytes, "application/json"));
                }
                case "newsml" -> {
                    for (WireItem item : NewsMl.read(bytes))
                        outcomes.add(intake.take(item, origin, bytes, "application/xml"));
                }
                case "feed" -> feed(bytes, origin, linked, outcomes, problems);
                case "markdown" -> {
                    String html = MARKDOWN_HTML.render(MARKDOWN.parse(readableText(bytes, null)));
                    outcomes.add(intake.take(
                            checked(WireItem.fromHtml(null, null, null, html, null, null, "text")),
                            origin,
                            bytes,
                            "text/markdown; charset=utf-8"));
                }
                case "text" ->
                    outcomes.add(intake.take(
                            checked(textItem(readableText(bytes, contentType))),
                            origin,
                            bytes,
                            "text/plain; charset=utf-8"));
                default ->
                    outcomes.add(intake.take(
                            checked(WireItem.fromHtml(
                                    null, pageUrl, null, html(bytes, contentType), null, null, "page")),
                            origin,
                            bytes,
                            "text/html"));
            }
        } catch (BadInput e) {
            problems.add(e.getMessage());
            errors.record(origin.sourceId(), origin.sourceName(), name, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // A reader tripped on something unforeseen: still an error on this input, not a crash of the rest.
            String reason = "could not be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
            problems.add(reason);
            errors.record(origin.sourceId(), origin.sourceName(), name, reason);
        }
        return new Report(name, outcomes, problems);
    }

    /** Every entry of a feed; one bad entry is an error of its own and does not stop the others. */
    private void feed(
            byte[] bytes,
            Intake.Origin origin,
            LinkedArticles.Round linked,
            List<Intake.Outcome> outcomes,
            List<String> problems) {
        FeedEntries.Feed feed = FeedEntries.read(bytes);
        Intake.Origin named = origin.sourceId() == null
                        && feed.title() != null
                        && !feed.title().isBlank()
                ? new Intake.Origin(null, feed.title())
                : origin;
        for (FeedEntries.Entry entry : feed.entries()) {
            if (entry.error() != null) {
                problems.add(entry.location() + ": " + entry.error());
                errors.record(origin.sourceId(), named.sourceName(), entry.location(), entry.error());
                continue;
            }
            try {
                LinkedArticles.Taken taken = linked == null
                        ? new LinkedArticles.Taken(entry.item(), null)
                        : linked.article(entry.item(), named);
                if (taken == null) continue; // its host had its share of fetches this round: taken at the next poll
                outcomes.add(intake.take(taken.item(), named, bytes, "application/xml", taken.page()));
            } catch (BadInput e) {
                problems.add(entry.location() + ": " + e.getMessage());
                errors.record(origin.sourceId(), named.sourceName(), entry.location(), e.getMessage());
            }
        }
    }

    private Report failed(String name, Intake.Origin origin, String reason) {
        errors.record(origin.sourceId(), origin.sourceName(), name, reason);
        return new Report(name, List.of(), List.of(reason));
    }

    /** What an input is, from its name, its declared type and its first bytes. */
    static String kindOf(String name, byte[] bytes, String contentType) {
        String n = name.toLowerCase(Locale.ROOT);
        int q = n.indexOf('?');
        if (n.startsWith("http") && q > 0) n = n.substring(0, q);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        String trimmed = head.stripLeading().replace("\uFEFF", "").replace("ï»¿", "");
        if (n.endsWith(".jpg")
                || n.endsWith(".jpeg")
                || type.startsWith("image/")
                || bytes.length > 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8) return "photo";
        if (n.endsWith(".json") || type.contains("json") || trimmed.startsWith("{") || trimmed.startsWith("["))
            return "ninjs";
        if (n.endsWith(".rss") || n.endsWith(".atom") || type.contains("rss") || type.contains("atom")) return "feed";
        boolean xmlish = n.endsWith(".xml") || type.contains("xml") || trimmed.startsWith("<?xml");
        if (xmlish || trimmed.startsWith("<")) {
            if (head.contains("<newsItem")
                    || head.contains("<newsMessage")
                    || head.contains(":newsItem")
                    || head.contains(":newsMessage")) return "newsml";
            if (head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:RDF")) return "feed";
            if (xmlish && !head.toLowerCase(Locale.ROOT).contains("<html")) {
                throw new BadInput("XML that is neither a NewsML-G2 item nor an RSS/Atom feed");
            }
        }
        if (n.endsWith(".md") || n.endsWith(".markdown")) return "markdown";
        if (n.endsWith(".txt") || type.startsWith("text/plain")) return "text";
        if (n.endsWith(".html") || n.endsWith(".htm") || type.contains("html") || trimmed.startsWith("<"))
            return "page";
        if (n.startsWith("http")) return "page";
        throw new BadInput("unknown kind of file (expected .html, .xml, .json, .jpg, .txt, .md, .rss or .atom)");
    }

    private static WireItem textItem(String text) {
        List<String> paragraphs = Markup.textParagraphs(text);
        if (paragraphs.isEmpty()) throw new BadInput("no text");
        // A first short line without a full stop is the headline, as in a plain-text wire story.
        String first = paragraphs.get(0);
        boolean headline = paragraphs.size() > 1 && first.length() <= 200 && !first.endsWith(".");
        return WireItem.fromText(
                null,
                null,
                headline ? first : null,
                String.join("\n\n", headline ? paragraphs.subList(1, paragraphs.size()) : paragraphs),
                null,
                null,
                "text");
    }

    private static WireItem checked(WireItem item) {
        if (item.blocks().isEmpty() || item.text().isBlank()) throw new BadInput("no readable text found");
        return item;
    }

    /** HTML in the charset its server or its own meta tag declares (UTF-8 when neither says). */
    static String html(byte[] bytes, String contentType) {
        Charset declared = charset(contentType);
        // Tags are ASCII in every charset a page may declare by its bytes: the quick pass needs no decoding.
        MarkupLimits.scan(new String(bytes, StandardCharsets.ISO_8859_1));
        String html;
        try {
            if (declared != null) {
                html = new String(bytes, declared);
                MarkupLimits.check(Jsoup.parse(html));
            } else {
                org.jsoup.nodes.Document page = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
                MarkupLimits.check(page);
                html = page.outerHtml();
            }
        } catch (IOException e) {
            throw new BadInput("unreadable page: " + e.getMessage());
        }
        checkReadable(html);
        return html;
    }

    private static String readableText(byte[] bytes, String contentType) {
        Charset declared = charset(contentType);
        String s = new String(bytes, declared != null ? declared : StandardCharsets.UTF_8);
        checkReadable(s);
        return s;
    }

    /** Binary data given as a page or a text: NUL bytes, or many undecodable characters. */
    static void checkReadable(String s) {
        int sample = Math.min(s.length(), 100_000);
        int bad = 0;
        for (int i = 0; i < sample; i++) {
            char c = s.charAt(i);
            if (c == 0) throw new BadInput("binary data, not text");
            if (c == '\uFFFD' || c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') bad++;
        }
        if (sample > 0 && bad > Math.max(8, sample / 20))
            throw new BadInput("not readable text (" + bad + " undecodable characters)");
    }

    private static Charset charset(String contentType) {
        if (contentType == null) return null;
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) return null;
        try {
            return Charset.forName(m.group(1));
        } catch (RuntimeException unknown) {
            return null;
        }
    }
}
