package org.sitrep.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sitrep.members.ReaderAccounts;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceCatalog;
import org.sitrep.newsroom.PieceKind;
import org.sitrep.paywall.ReaderText;
import org.sitrep.web.PublicUrls;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Published pieces, newest first, through the newsroom's catalogue; cursor-paged by (publish time, id). */
@RestController
class PiecesApiController {
    static final int MAX_LIMIT = 100;

    record PieceJson(
            long id,
            String kind,
            String slug,
            String url,
            String headline,
            String standfirst,
            String section,
            String access,
            Instant publishedAt,
            Instant updatedAt,
            List<String> authors,
            List<TagJson> tags,
            String bodyHtml,
            boolean bodyCut) {}

    record TagJson(String slug, String name) {}

    record PieceList(
            List<PieceJson> pieces,
            @JsonInclude(JsonInclude.Include.ALWAYS) String next) {}

    private final PieceCatalog catalog;
    private final PublicUrls urls;
    private final ReaderAccounts readers;

    PiecesApiController(PieceCatalog catalog, PublicUrls urls, ReaderAccounts readers) {
        this.catalog = catalog;
        this.urls = urls;
        this.readers = readers;
    }

    @GetMapping(value = "/api/v1/pieces", produces = "application/json")
    PieceList pieces(
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "tag", required = false) String tag,
            @RequestParam(name = "since", required = false) String since,
            @RequestParam(name = "limit", required = false) String limit,
            @RequestParam(name = "cursor", required = false) String cursor) {
        int max = QueryParams.limit(limit, MAX_LIMIT);
        Instant after = null;
        Long afterId = null;
        String position = PageCursor.decode("piece", cursor);
        if (position != null) {
            try {
                int slash = position.indexOf('/');
                after = Instant.parse(position.substring(0, slash));
                afterId = Long.parseLong(position.substring(slash + 1));
            } catch (RuntimeException e) {
                throw ApiProblem.badRequest("cursor is not one this server gave out");
            }
        }
        List<Piece> rows =
                catalog.liveAfter(kind(kind), QueryParams.blankToNull(tag), since(since), after, afterId, max + 1);
        String next = null;
        if (rows.size() > max) {
            rows = rows.subList(0, max);
            Piece last = rows.get(max - 1);
            next = PageCursor.encode("piece", last.publishAt() + "/" + last.id());
        }
        Caller caller = caller();
        return new PieceList(rows.stream().map(p -> json(p, caller)).toList(), next);
    }

    /** Who is calling, as the paywall sees readers: the bootstrap key reads everything, a member's key reads as its member. */
    private record Caller(boolean everything, Optional<ReaderAccounts.Reader> reader) {}

    private Caller caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof ApiKeyFilter.KeyAuthentication key) {
            String owner = key.holder().ownerEmail();
            return owner == null ? new Caller(true, Optional.empty()) : new Caller(false, readers.find(owner));
        }
        return new Caller(false, auth == null ? Optional.empty() : readers.find(auth.getName()));
    }

    /** The body as the caller may read it ({@link ReaderText}): a paid piece for a non-subscriber is only its opening. */
    private PieceJson json(Piece p, Caller caller) {
        boolean whole = caller.everything() || ReaderText.readsWhole(p.accessLevel(), caller.reader());
        return new PieceJson(
                p.id(),
                p.kind().path(),
                p.slug(),
                urls.absolute(p.path()),
                p.headline(),
                p.standfirst(),
                p.section(),
                p.accessLevel().name().toLowerCase(Locale.ROOT),
                p.publishAt(),
                p.updatedAt(),
                p.authors().stream().map(a -> a.name()).toList(),
                p.tags().stream().map(t -> new TagJson(t.slug(), t.name())).toList(),
                whole ? p.bodyHtml() : ReaderText.opening(p),
                !whole);
    }

    private static PieceKind kind(String text) {
        if (text == null || text.isBlank()) return null;
        String k = text.trim().toLowerCase(Locale.ROOT);
        return PieceKind.fromPath(k)
                .or(() -> Arrays.stream(PieceKind.values())
                        .filter(v -> v.name().equalsIgnoreCase(k))
                        .findFirst())
                .orElseThrow(() -> ApiProblem.badRequest("kind must be one of news, analysis, memos, reports"));
    }

    /** A date (midnight UTC) or an instant. */
    private static Instant since(String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.trim();
        try {
            return t.length() == 10
                    ? LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("since must be a date like 2024-03-31 or an instant like 2024-03-31T12:00:00Z");
        }
    }
}
