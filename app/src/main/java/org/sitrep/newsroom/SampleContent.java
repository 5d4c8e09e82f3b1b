package org.sitrep.newsroom;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitrep.common.RunMode;
import org.sitrep.common.SitrepProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start of an empty database, loads the sample pieces, authors and illustrations
 * from {@code classpath:samples/} (Markdown with a small front-matter header). Every sample is
 * marked {@code sample=true}, tagged "Sample content" and says so at the top of its body. Publish
 * times are relative to now ("-26h", "+3h": the latter are scheduled) or absolute in the
 * publication's zone ("2014-04-08T10:00"). Translations ({@code samples/translations/<piece>.<language>.md})
 * are published beside their original, and their editions announced ({@link SampleContentLoaded}).
 */
@Component
class SampleContent implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(SampleContent.class);
    static final String TAG = "Sample content";
    static final String CREDIT = "Sitrep sample illustration";
    static final String NOTE = "*Sample content written for the Sitrep software project to show how the site works — "
            + "an illustration, not a news report.*\n\n";

    private final JdbcClient jdbc;
    private final PieceEditor editor;
    private final AuthorDesk authors;
    private final PhotoLibrary photos;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean enabled;
    private final RunMode mode;
    private final PieceCatalog catalog;
    private final org.springframework.context.ApplicationEventPublisher events;

    SampleContent(
            JdbcClient jdbc,
            PieceEditor editor,
            AuthorDesk authors,
            PhotoLibrary photos,
            TransactionTemplate transaction,
            Clock clock,
            SitrepProperties properties,
            RunMode mode,
            PieceCatalog catalog,
            org.springframework.context.ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.events = events;
        this.jdbc = jdbc;
        this.editor = editor;
        this.authors = authors;
        this.photos = photos;
        this.transaction = transaction;
        this.clock = clock;
        this.zone = properties.zone();
        this.enabled = properties.sampleContent();
        this.mode = mode;
    }

    /** Runs once every bean is ready but before the web server opens, so the first reader never sees an empty site. */
    @Override
    public void afterSingletonsInstantiated() {
        if (!enabled || !mode.server()) return;
        if (jdbc.sql("SELECT COUNT(*) FROM pieces").query(Long.class).single() > 0) return;
        try {
            int n = transaction.execute(status -> load());
            log.info("Loaded {} sample pieces (sitrep.sample-content=false turns this off)", n);
        } catch (RuntimeException e) {
            // Samples are a convenience: the site must start without them (and retries on the next start).
            log.warn("Could not load the sample content; starting without it", e);
        }
    }

    /** All or nothing: one transaction, so a failure leaves an empty database to retry on the next start. */
    int load() {
        Instant now = clock.instant();
        for (FrontMatter a : read("classpath*:samples/authors/*.md")) {
            byte[] card = illustration(() -> SampleIllustration.portrait(initials(a.get("name")), a.name.hashCode()));
            String portraitId = "";
            if (card != null) {
                Photo portrait = photos.upload(
                        card,
                        a.name + ".jpg",
                        new EmbeddedMetadata("Illustration for " + a.get("name"), CREDIT, "", List.of("Sample")));
                photos.describe(
                        portrait.id(), portrait.caption(), CREDIT, "", "Sample", "Initials of " + a.get("name"));
                portraitId = Long.toString(portrait.id());
            }
            authors.save(null, a.get("name"), a.name, a.body.strip(), portraitId);
        }
        int count = 0;
        Map<String, Long> ids = new LinkedHashMap<>();
        for (FrontMatter p : read("classpath*:samples/pieces/*.md")) {
            String caption = p.get("caption");
            List<String> places = split(p.get("places"));
            byte[] picture = illustration(() -> places.isEmpty()
                    ? SampleIllustration.card(p.get("section"), caption, p.name.hashCode())
                    : SampleIllustration.map(caption, places, p.name.hashCode()));
            Photo photo = null;
            if (picture != null) {
                photo = photos.upload(
                        picture,
                        p.name + ".jpg",
                        new EmbeddedMetadata(caption, CREDIT, "SITREP-SAMPLE-" + p.name.toUpperCase(), places));
                photos.describe(
                        photo.id(),
                        caption,
                        CREDIT,
                        photo.pictureId(),
                        String.join(", ", places),
                        "Illustration: " + caption);
            }

            PieceDraft d = new PieceDraft();
            d.setHeadline(p.get("headline"));
            d.setStandfirst(p.get("standfirst"));
            d.setKind(p.get("kind"));
            d.setSection(p.get("section"));
            d.setTags(p.get("tags") + ", " + TAG);
            d.setAuthors(p.get("authors"));
            d.setAccessLevel(p.get("access").isEmpty() ? "PUBLIC" : p.get("access"));
            d.setLeadPhotoId(photo == null ? "" : Long.toString(photo.id()));
            d.setBody(NOTE + p.body.strip() + "\n");
            Instant when = when(p.get("publish"), now);
            d.setPublishAt(PieceDraft.LOCAL_INPUT.format(when.atZone(zone)));
            d.setStatus(when.isAfter(now) ? "SCHEDULED" : "PUBLISHED");
            long id = editor.create(d, "sample-content", true);
            // A sample dated in the past was not "updated" today: its record times follow its date.
            jdbc.sql(
                            "UPDATE pieces SET created_at = publish_at, updated_at = publish_at WHERE id = :id AND publish_at < created_at")
                    .param("id", id)
                    .update();
            ids.put(p.name, id);
            count++;
        }
        java.util.Set<String> languages = new java.util.TreeSet<>();
        for (FrontMatter t : read("classpath*:samples/translations/*.md")) {
            translate(t, ids);
            languages.add(t.get("language"));
            count++;
        }
        if (!languages.isEmpty()) events.publishEvent(new SampleContentLoaded(List.copyOf(languages)));
        return count;
    }

    /** A sample translation ("16-analysis-….ar.md"): started from its original, written and published with it. */
    private void translate(FrontMatter t, Map<String, Long> ids) {
        String originalName = t.name.substring(0, t.name.lastIndexOf('.'));
        Long originalId = ids.get(originalName);
        org.sitrep.web.Language language = org.sitrep.web.Language.of(t.get("language"))
                .orElseThrow(
                        () -> new IllegalArgumentException(t.name + ": no edition for language " + t.get("language")));
        if (originalId == null) throw new IllegalArgumentException(t.name + ": no sample piece " + originalName);
        long id = editor.translate(originalId, language, "sample-content");
        Piece original = catalog.findById(originalId).orElseThrow();
        PieceDraft d = PieceDraft.of(catalog.findById(id).orElseThrow(), zone);
        d.setHeadline(t.get("headline"));
        d.setStandfirst(t.get("standfirst"));
        d.setBody(t.get("note") + "\n\n" + t.body.strip() + "\n");
        d.setTranslator(t.get("translator"));
        d.setLeadPhotoCaption(t.get("caption"));
        d.setPublishAt(PieceDraft.LOCAL_INPUT.format(original.publishAt().atZone(zone)));
        d.setStatus(original.status().name());
        d.setBaseRevision(Integer.toString(editor.latestRevision(id)));
        editor.update(id, d, "sample-content");
        jdbc.sql(
                        "UPDATE pieces SET created_at = publish_at, updated_at = publish_at WHERE id = :id AND publish_at < created_at")
                .param("id", id)
                .update();
    }

    /** Drawing needs fonts; a server without any gets pieces without pictures rather than no samples. */
    private static byte[] illustration(java.util.function.Supplier<byte[]> draw) {
        try {
            return draw.get();
        } catch (RuntimeException | LinkageError | InternalError e) {
            log.warn("Could not draw a sample illustration ({}); the sample piece goes without one", e.toString());
            return null;
        }
    }

    private Instant when(String spec, Instant now) {
        if (spec.isEmpty()) return now;
        if (spec.startsWith("+") || spec.startsWith("-")) {
            String amount = spec.substring(1, spec.length() - 1);
            Duration d =
                    switch (spec.charAt(spec.length() - 1)) {
                        case 'm' -> Duration.ofMinutes(Long.parseLong(amount));
                        case 'h' -> Duration.ofHours(Long.parseLong(amount));
                        case 'd' -> Duration.ofDays(Long.parseLong(amount));
                        default ->
                            throw new IllegalArgumentException("publish: use +/-N followed by m, h or d, not " + spec);
                    };
            return spec.startsWith("+") ? now.plus(d) : now.minus(d);
        }
        return LocalDateTime.parse(spec).atZone(zone).toInstant();
    }

    private static String initials(String name) {
        return Arrays.stream(name.split("\\s+"))
                .filter(s -> !s.isEmpty())
                .map(s -> s.substring(0, 1))
                .reduce("", String::concat);
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** A sample file: "key: value" lines between two "---" lines, then the Markdown body. */
    record FrontMatter(String name, Map<String, String> fields, String body) {
        String get(String key) {
            return fields.getOrDefault(key, "");
        }

        static FrontMatter parse(String name, String text) {
            String t = text.replace("\r\n", "\n");
            if (!t.startsWith("---\n")) throw new IllegalArgumentException(name + ": no front matter");
            int end = t.indexOf("\n---\n", 4);
            if (end < 0) throw new IllegalArgumentException(name + ": front matter not closed");
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : t.substring(4, end).split("\n")) {
                int colon = line.indexOf(':');
                if (colon <= 0) continue;
                String value = line.substring(colon + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
                    value = value.substring(1, value.length() - 1);
                fields.put(line.substring(0, colon).strip(), value);
            }
            return new FrontMatter(name, fields, t.substring(end + 5));
        }
    }

    private static List<FrontMatter> read(String pattern) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources(pattern);
            return Arrays.stream(found)
                    .sorted(Comparator.comparing(Resource::getFilename))
                    .map(r -> {
                        try (InputStream in = r.getInputStream()) {
                            String file = r.getFilename();
                            return FrontMatter.parse(
                                    file.substring(0, file.length() - 3),
                                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
