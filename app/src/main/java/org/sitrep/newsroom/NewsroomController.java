package org.sitrep.newsroom;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.sitrep.common.SitrepProperties;
import org.sitrep.site.KindNav;
import org.sitrep.site.PageMeta;
import org.sitrep.site.Section;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The desk: list pieces, write and edit them, preview, and browse or restore revisions. */
@Controller
class NewsroomController {
    private final PieceCatalog catalog;
    private final PieceEditor editor;
    private final AuthorDesk authors;
    private final PhotoLibrary photos;
    private final SitrepProperties properties;
    private final java.time.Clock clock;

    NewsroomController(PieceCatalog catalog, PieceEditor editor, AuthorDesk authors, PhotoLibrary photos,
                       SitrepProperties properties, java.time.Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.editor = editor;
        this.authors = authors;
        this.photos = photos;
        this.properties = properties;
    }

    @ModelAttribute("zone")
    java.time.ZoneId zone() { return properties.zone(); }

    @GetMapping("/newsroom")
    String desk(@RequestParam(name = "status", required = false) String status,
                @RequestParam(name = "page", required = false) String page, Model model) {
        PieceStatus filter = Arrays.stream(PieceStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(status == null ? "" : status)).findFirst().orElse(null);
        int number = 1;
        try {
            number = Math.max(1, Math.min(10_000, Integer.parseInt(page == null ? "1" : page.strip())));
        } catch (NumberFormatException e) {
            // a mangled page number shows the first page
        }
        // One more than a page tells whether there is an older page without counting everything.
        java.util.List<Piece> found = catalog.forDesk(filter, DESK_PAGE + 1, (number - 1) * DESK_PAGE);
        model.addAttribute("filter", filter);
        model.addAttribute("statusParam", filter == null ? null : filter.name().toLowerCase(Locale.ROOT));
        model.addAttribute("statuses", PieceStatus.values());
        model.addAttribute("pieces", found.subList(0, Math.min(DESK_PAGE, found.size())));
        model.addAttribute("page", number);
        model.addAttribute("older", found.size() > DESK_PAGE);
        return "newsroom/desk";
    }

    static final int DESK_PAGE = 50;

    @GetMapping("/newsroom/pieces/new")
    String newPiece(Model model) {
        return form(model, new PieceDraft(), null, Map.of());
    }

    @PostMapping("/newsroom/pieces")
    String create(@ModelAttribute("draft") PieceDraft draft, Principal who, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        try {
            long id = editor.create(draft, who.getName());
            redirect.addFlashAttribute("notice", "Saved.");
            return "redirect:/newsroom/pieces/" + id;
        } catch (InvalidPiece e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return form(model, draft, null, e.errors());
        }
    }

    @GetMapping("/newsroom/pieces/{id}")
    String edit(@PathVariable("id") long id, Model model) {
        Piece piece = piece(id);
        return form(model, PieceDraft.of(piece, properties.zone()), piece, Map.of());
    }

    @PostMapping("/newsroom/pieces/{id}")
    String update(@PathVariable("id") long id, @ModelAttribute("draft") PieceDraft draft, Principal who, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Piece piece = piece(id);
        try {
            editor.update(id, draft, who.getName());
            redirect.addFlashAttribute("notice", "Saved.");
            return "redirect:/newsroom/pieces/" + id;
        } catch (InvalidPiece e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return form(model, draft, piece, e.errors());
        }
    }

    /** Takes a live or scheduled piece off the site in one click; it stays in the newsroom. */
    @PostMapping("/newsroom/pieces/{id}/unpublish")
    String unpublish(@PathVariable("id") long id, Principal who, RedirectAttributes redirect) {
        piece(id);
        editor.unpublish(id, who.getName());
        redirect.addFlashAttribute("notice", "Unpublished: readers no longer see this piece.");
        return "redirect:/newsroom/pieces/" + id;
    }

    /**
     * The piece exactly as readers would see it, whatever its status: the public site's article
     * template with the site's own page parts, plus a banner saying it is a preview. A piece with
     * no publish time yet is shown as if published now.
     */
    @GetMapping("/newsroom/pieces/{id}/preview")
    String preview(@PathVariable("id") long id, Model model) {
        Piece p = piece(id);
        Piece shown = p.publishAt() != null ? p : new Piece(p.id(), p.slug(), p.kind(), p.headline(), p.standfirst(),
                p.bodyMarkdown(), p.bodyHtml(), p.section(), p.status(), p.accessLevel(), p.leadPhoto(), p.authors(),
                p.tags(), clock.instant(), p.firstPublishedAt(), p.createdAt(), p.updatedAt(), p.sample());
        model.addAttribute("piece", shown);
        model.addAttribute("kindNav", KindNav.of(p.kind()));
        model.addAttribute("section", p.section() == null || p.section().isBlank() ? null : Section.of(p.section()));
        model.addAttribute("related", java.util.List.of());
        model.addAttribute("updated", false);
        model.addAttribute("meta", PageMeta.website("Preview: " + p.headline() + " · " + properties.siteName(),
                p.standfirst(), null, java.util.List.of()).hiddenFromSearchEngines());
        return "newsroom/preview";
    }

    @GetMapping("/newsroom/pieces/{id}/revisions")
    String revisions(@PathVariable("id") long id, Model model) {
        model.addAttribute("piece", piece(id));
        model.addAttribute("revisions", editor.revisions(id));
        return "newsroom/revisions";
    }

    @GetMapping("/newsroom/pieces/{id}/revisions/{number}")
    String revision(@PathVariable("id") long id, @PathVariable("number") int number, Model model) {
        model.addAttribute("piece", piece(id));
        Revision revision = editor.revision(id, number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("revision", revision);
        model.addAttribute("changes", RevisionChanges.between(editor.revision(id, number - 1).orElse(null), revision));
        return "newsroom/revision";
    }

    @PostMapping("/newsroom/pieces/{id}/revisions/{number}/restore")
    String restore(@PathVariable("id") long id, @PathVariable("number") int number, Principal who, RedirectAttributes redirect) {
        piece(id);
        if (editor.revision(id, number).isEmpty()) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        try {
            editor.restore(id, number, who.getName());
            redirect.addFlashAttribute("notice", "Revision " + number + " restored as a new revision.");
        } catch (InvalidPiece e) {
            redirect.addFlashAttribute("notice", "Revision " + number + " could not be restored: "
                    + String.join(" ", e.errors().values()));
        }
        return "redirect:/newsroom/pieces/" + id;
    }

    private Piece piece(long id) {
        return catalog.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String form(Model model, PieceDraft draft, Piece piece, Map<String, String> errors) {
        model.addAttribute("draft", draft);
        model.addAttribute("piece", piece);
        model.addAttribute("live", piece != null && piece.isLive(clock.instant()));
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", PieceKind.values());
        model.addAttribute("statuses", PieceStatus.values());
        model.addAttribute("accessLevels", AccessLevel.values());
        model.addAttribute("authors", authors.all());
        model.addAttribute("photos", photos.recent(200));
        model.addAttribute("zoneName", properties.zone().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
                + " (" + properties.zone().getId() + ")");
        return "newsroom/piece-form";
    }
}
