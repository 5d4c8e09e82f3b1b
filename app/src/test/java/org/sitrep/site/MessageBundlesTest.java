package org.sitrep.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.sitrep.members.Role;
import org.sitrep.members.Subscriptions;
import org.sitrep.newsroom.PieceKind;
import org.sitrep.web.SignedInReader;

/**
 * The reader's words are complete in every language (docs/site.md#languages): the build fails on a key one bundle
 * lacks, a key a reader template names that English does not define, a key built from a stored value (a kind's path,
 * a role) with no message, a message whose arguments differ between languages, and on English left as a literal in
 * a reader template (text between tags, a user-visible attribute, a quoted phrase in an expression). Staff pages
 * (newsroom, review, admin) are English for now and not checked.
 */
class MessageBundlesTest {
    static final List<String> LANGUAGES = List.of("ar", "fa", "tr", "he");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** Every template a reader sees: the public site, the account pages, the paywall, the newsletter archive, errors. */
    static final List<String> READER_TEMPLATES = List.of(
            "site/layout.html",
            "site/home.html",
            "site/list.html",
            "site/article.html",
            "site/search.html",
            "paywall/offer.html",
            "members/signin.html",
            "members/join.html",
            "members/subscribe.html",
            "members/account.html",
            "members/link-sent.html",
            "members/link-invalid.html",
            "members/link-confirm.html",
            "members/too-many.html",
            "members/deleted.html",
            "newsletters/archive.html",
            "newsletters/archive-issue.html",
            "newsletters/choices.html",
            "error/404.html",
            "error/5xx.html");
    /** Names, not words: the same in every language. */
    static final Set<String> NAMES = Set.of("RSS", "Atom", "Sitrep", "JSON", "API", "Stripe");

    static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)");
    static final Pattern MSG_CALL = Pattern.compile("#messages\\.msg\\('([A-Za-z0-9_.-]+)'");
    static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    /** A quoted literal in an expression with a capitalised word or two words: 'Free member', 'access until'. */
    static final Pattern LITERAL = Pattern.compile("'([^']*)'");

    static final Pattern ENGLISH = Pattern.compile("\\b[A-Z][a-z]{2,}|[a-z]{2,} [a-z]{2,}");
    /** Expressions whose result a reader sees (th:class, th:href and the like are not read). */
    static final Set<String> VISIBLE_EXPRESSIONS = Set.of(
            "th:text",
            "th:utext",
            "th:aria-label",
            "th:title",
            "th:alt",
            "th:placeholder",
            "th:data-confirm",
            "th:value",
            "th:content");

    static final Set<String> VISIBLE_ATTRIBUTES =
            Set.of("alt", "title", "placeholder", "aria-label", "data-confirm", "content", "value");

    static Properties bundle(String language) throws IOException {
        String name = language == null ? "messages.properties" : "messages_" + language + ".properties";
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyLanguageHasEveryKeyWithTheSameArguments() throws IOException {
        Properties english = bundle(null);
        assertThat(english).isNotEmpty();
        for (String language : LANGUAGES) {
            Properties other = bundle(language);
            assertThat(new TreeSet<>(other.stringPropertyNames()))
                    .as("keys of messages_%s", language)
                    .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
            for (String key : english.stringPropertyNames()) {
                String value = other.getProperty(key);
                assertThat(value).as("%s in %s", key, language).isNotBlank();
                assertThat(arguments(value))
                        .as("arguments of %s in %s", key, language)
                        .isEqualTo(arguments(english.getProperty(key)));
            }
        }
    }

    @Test
    void aMessageWithArgumentsHasNoLoneApostrophe() throws IOException {
        // MessageFormat reads ' as a quote: "l'{0}" would print "l{0}". Written twice ('') it is an apostrophe.
        for (String language : allLanguages()) {
            Properties p = bundle(language);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                if (!arguments(value).isEmpty()) {
                    assertThat(value.replace("''", ""))
                            .as("%s in %s", key, language)
                            .doesNotContain("'");
                }
            }
        }
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> defined = bundle(null).stringPropertyNames();
        Set<String> named = new TreeSet<>();
        for (String template : READER_TEMPLATES) {
            String html = Files.readString(TEMPLATES.resolve(template));
            for (Pattern p : List.of(MESSAGE_KEY, MSG_CALL)) {
                Matcher m = p.matcher(html);
                while (m.find()) named.add(m.group(1));
            }
        }
        assertThat(named).as("keys the reader templates name").hasSizeGreaterThan(100);
        assertThat(defined).containsAll(named);
    }

    @Test
    void keysBuiltFromStoredValuesExist() throws IOException {
        // Templates build these keys from a value ('kind.' + the kind's path, 'role.' + the role): each value needs
        // one.
        Set<String> defined = bundle(null).stringPropertyNames();
        List<String> built = new ArrayList<>();
        for (PieceKind k : PieceKind.values()) {
            built.add("kind." + k.path());
            built.add("kinds." + k.path());
        }
        for (Role r : Role.values()) built.add("role." + r.name());
        for (SignedInReader.Standing s : SignedInReader.Standing.values()) built.add("standing." + s.name());
        for (Subscriptions.State s : Subscriptions.State.values()) built.add("subscription." + s.name());
        built.add("subscribe.per.year");
        built.add("subscribe.per.month");
        assertThat(defined).containsAll(built);
    }

    @Test
    void noEnglishIsLeftInTheReaderTemplates() throws IOException {
        List<String> found = new ArrayList<>();
        for (String template : READER_TEMPLATES) {
            found.addAll(englishIn(template, Files.readString(TEMPLATES.resolve(template))));
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckFindsEnglishWhereItHides() {
        // The detector itself: each way English can be left in a template is caught, and translated markup is not.
        assertThat(englishIn("t", "<p>Read more</p>")).hasSize(1);
        assertThat(englishIn("t", "<input placeholder=\"Search\">")).hasSize(1);
        assertThat(englishIn("t", "<nav aria-label=\"Pages\"></nav>")).hasSize(1);
        assertThat(englishIn("t", "<span th:text=\"${x} ? 'Free member' : ''\">Free member</span>"))
                .hasSize(1);
        assertThat(englishIn("t", "<a th:text=\"${x} ? 'renews' : 'access until'\">x</a>"))
                .hasSize(1);
        assertThat(englishIn("t", "<p th:text=\"#{offer.join}\">Join free</p>")).isEmpty();
        assertThat(englishIn(
                        "t",
                        "<p><th:block th:text=\"#{a}\">Words</th:block> <a href=\"/x\" th:text=\"#{b}\">more</a>.</p>"))
                .isEmpty();
        assertThat(englishIn(
                        "t", "<li><a href=\"/feed.rss\">RSS</a> · <span th:class=\"'kind-' + ${k}\">x</span></li>"))
                .isEmpty();
    }

    /** English words a reader would see, found without rendering: text outside th:text, visible attributes, literals. */
    static List<String> englishIn(String template, String html) {
        List<String> found = new ArrayList<>();
        Document doc = Jsoup.parse(html, "", Parser.xmlParser());
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String name = a.getKey();
                if (VISIBLE_ATTRIBUTES.contains(name)
                        && !name.equals("content")
                        && !name.equals("value")
                        && words(a.getValue())) {
                    found.add(template + ": " + name + "=\"" + a.getValue() + "\"");
                }
                if (VISIBLE_EXPRESSIONS.contains(name)) {
                    Matcher m = LITERAL.matcher(
                            a.getValue().replaceAll("#\\{[^}]*}", "").replaceAll("#messages\\.msg\\('[^']*'\\)", ""));
                    while (m.find()) {
                        if (ENGLISH.matcher(m.group(1)).find())
                            found.add(template + ": " + name + " has '" + m.group(1) + "'");
                    }
                }
            }
            if (replacesItsText(e)
                    || e.tagName().equals("script")
                    || e.tagName().equals("style")) continue;
            for (TextNode t : e.textNodes()) {
                if (!insideReplacedText(e) && words(t.text()))
                    found.add(template + ": text \"" + t.text().strip() + "\"");
            }
        }
        return found;
    }

    private static boolean replacesItsText(Element e) {
        return e.hasAttr("th:text") || e.hasAttr("th:utext") || e.hasAttr("th:replace") || e.hasAttr("th:insert");
    }

    private static boolean insideReplacedText(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (replacesItsText(p)) return true;
        }
        return false;
    }

    /** Two letters in a row that are not one of the names. */
    private static boolean words(String text) {
        return Arrays.stream(text.split("[^\\p{L}]+")).anyMatch(w -> w.length() >= 2 && !NAMES.contains(w));
    }

    private static List<String> arguments(String message) {
        Matcher m = ARGUMENT.matcher(message);
        List<String> args = new ArrayList<>();
        while (m.find()) args.add(m.group(1));
        return args.stream().sorted().distinct().toList();
    }

    private static List<String> allLanguages() {
        List<String> all = new ArrayList<>();
        all.add(null);
        all.addAll(LANGUAGES);
        return all;
    }
}
