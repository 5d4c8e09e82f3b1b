package org.sitrep.newsroom;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sitrep.common.SitrepProperties;
import org.sitrep.web.Language;
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

/** The desk: list pieces, write and edit them, and browse or restore revisions (the preview is the site's). */
@Controller
class NewsroomController {
    private final PieceCatalog catalog;
    private final PieceEditor editor;
    private final AuthorDesk authors;
    private final PhotoLibrary photos;
    private final PieceAutosaves autosaves;
    private final SitrepProperties properties;
    private final java.time.Clock clock;

    NewsroomController(
            PieceCatalog catalog,
            PieceEditor editor,
            AuthorDesk authors,
            PhotoLibrary photos,
            PieceAutosaves autosaves,
            SitrepProperties properties,
            java.time.Clock clock) {
        this.autosaves = autosaves;
        this.clock = clock;
        this.catalog = catalog;
        this.editor = editor;
        this.authors = authors;
        this.photos = photos;
        this.properties = properties;
    }

    @ModelAttribute("zone")
    java.time.ZoneId zone() {
        return properties.zone();
    }

    @GetMapping("/newsroom")
    String desk(
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "page", required = false) String page,
            Model model) {
        PieceStatus filter = Arrays.stream(PieceStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(status == null ? "" : status))
                .findFirst()
                .orElse(null);
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
        model.addAttribute("leadId", catalog.homeLeadId().orElse(null));
        return "newsroom/desk";
    }

    static final int DESK_PAGE = 50;
    static final int PICKER_PHOTOS = 24;

    @GetMapping("/newsroom/pieces/new")
    String newPiece(Principal who, Model model) {
        PieceDraft draft = new PieceDraft();
        Optional<PieceAutosaves.Autosave> kept = autosaves.find(who.getName(), 0);
        if (kept.isPresent()) {
            draft = kept.get().draft();
            model.addAttribute("restored", kept.get());
        }
        if (draft.getFormToken().isBlank())
            draft.setFormToken(java.util.UUID.randomUUID().toString());
        return form(model, draft, null, errorsIn(model));
    }

    /** The form's address after a refused new piece, typed into the address bar: back to the desk, not an error. */
    @GetMapping("/newsroom/pieces")
    String pieces() {
        return "redirect:/newsroom";
    }

    /**
     * A refused save keeps what was typed as the editor's autosave and shows the form again through a
     * redirect (post/redirect/get), so a reload re-shows the typed text instead of re-posting or failing.
     */
    @PostMapping("/newsroom/pieces")
    String create(@ModelAttribute("draft") PieceDraft draft, Principal who, RedirectAttributes redirect) {
        try {
            long id = editor.create(draft, who.getName());
            autosaves.created(who.getName(), draft);
            redirect.addFlashAttribute("notice", "Saved.");
            return "redirect:/newsroom/pieces/" + id;
        } catch (InvalidPiece e) {
            return refused(who, 0, draft, e, redirect, "/newsroom/pieces/new");
        }
    }

    @GetMapping("/newsroom/pieces/{id}")
    String edit(@PathVariable("id") long id, Principal who, Model model) {
        Piece piece = piece(id);
        PieceDraft stored = PieceDraft.of(piece, properties.zone());
        if (piece.isTranslation()) stored.setLeadPhotoCaption(editor.translatedCaption(id));
        stored.setLeadStory(catalog.homeLeadId().orElse(-1L) == id);
        int latest = editor.latestRevision(id);
        stored.setBaseRevision(Integer.toString(latest));
        PieceDraft draft = stored;
        Optional<PieceAutosaves.Autosave> kept = autosaves.find(who.getName(), id);
        if (kept.isPresent()) {
            // Typed text equal to what is stored is nothing to restore (e.g. a last autosave racing the save).
            if (PieceAutosaves.typed(kept.get().draft()).equals(PieceAutosaves.typed(stored))) {
                autosaves.discard(who.getName(), id);
            } else {
                draft = kept.get().draft();
                model.addAttribute("restored", kept.get());
                if (kept.get().baseRevision() < latest) {
                    Revision newest = editor.revision(id, latest).orElseThrow();
                    model.addAttribute(
                            "restoredStale",
                            "The piece was saved again since this text was typed (revision " + latest + " by "
                                    + newest.editedBy() + "). Compare under Revisions before saving.");
                }
            }
        }
        return form(model, draft, piece, errorsIn(model));
    }

    @PostMapping("/newsroom/pieces/{id}")
    String update(
            @PathVariable("id") long id,
            @ModelAttribute("draft") PieceDraft draft,
            Principal who,
            RedirectAttributes redirect) {
        piece(id);
        try {
            editor.update(id, draft, who.getName());
            autosaves.discard(who.getName(), id);
            redirect.addFlashAttribute("notice", "Saved.");
            return "redirect:/newsroom/pieces/" + id;
        } catch (InvalidPiece e) {
            // After a colleague's newer save the form carries its number: saving again is then a deliberate choice.
            if (e.errors().containsKey("baseRevision"))
                draft.setBaseRevision(Integer.toString(editor.latestRevision(id)));
            return refused(who, id, draft, e, redirect, "/newsroom/pieces/" + id);
        }
    }

    /** Forgets the editor's unsaved text for a piece and shows the piece as stored. */
    @PostMapping({"/newsroom/pieces/new/autosave/discard", "/newsroom/pieces/{id}/autosave/discard"})
    String discard(@PathVariable(name = "id", required = false) Long id, Principal who, RedirectAttributes redirect) {
        if (id != null) piece(id);
        autosaves.discard(who.getName(), id == null ? 0 : id);
        redirect.addFlashAttribute("notice", "Unsaved changes discarded.");
        return "redirect:/newsroom/pieces/" + (id == null ? "new" : id);
    }

    private String refused(
            Principal who, long key, PieceDraft draft, InvalidPiece e, RedirectAttributes redirect, String form) {
        try {
            autosaves.keep(who.getName(), key, draft);
        } catch (PieceAutosaves.TooLong tooLong) {
            // The body error already says it is too long; nothing smaller can be kept.
        }
        redirect.addFlashAttribute("errors", e.errors());
        return "redirect:" + form;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> errorsIn(Model model) {
        Object errors = model.getAttribute("errors");
        return errors instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
    }

    /** "Translate" on an original: starts (or opens) its translation into {@code language}, a draft beside the original. */
    @PostMapping("/newsroom/pieces/{id}/translate")
    String translate(
            @PathVariable("id") long id,
            @RequestParam(name = "language", required = false) String language,
            Principal who,
            RedirectAttributes redirect) {
        piece(id);
        Optional<Language> into = Language.of(language);
        if (into.isEmpty()) {
            redirect.addFlashAttribute("notice", "Choose a language to translate into.");
            return "redirect:/newsroom/pieces/" + id;
        }
        try {
            long translation = editor.translate(id, into.get(), who.getName());
            redirect.addFlashAttribute(
                    "notice",
                    "Translation into " + into.get().nativeName()
                            + ": write it over the original's text, beside the original.");
            return "redirect:/newsroom/pieces/" + translation;
        } catch (InvalidPiece e) {
            redirect.addFlashAttribute("notice", String.join(" ", e.errors().values()));
            return "redirect:/newsroom/pieces/" + id;
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

    @GetMapping("/newsroom/pieces/{id}/revisions")
    String revisions(@PathVariable("id") long id, Model model) {
        model.addAttribute("piece", piece(id));
        model.addAttribute("revisions", editor.revisions(id));
        return "newsroom/revisions";
    }

    @GetMapping("/newsroom/pieces/{id}/revisions/{number}")
    String revision(@PathVariable("id") long id, @PathVariable("number") int number, Model model) {
        model.addAttribute("piece", piece(id));
        Revision revision =
                editor.revision(id, number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("revision", revision);
        model.addAttribute(
                "changes",
                RevisionChanges.between(editor.revision(id, number - 1).orElse(null), revision));
        return "newsroom/revision";
    }

    @PostMapping("/newsroom/pieces/{id}/revisions/{number}/restore")
    String restore(
            @PathVariable("id") long id,
            @PathVariable("number") int number,
            Principal who,
            RedirectAttributes redirect) {
        piece(id);
        if (editor.revision(id, number).isEmpty()) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        try {
            editor.restore(id, number, who.getName());
            redirect.addFlashAttribute("notice", "Revision " + number + " restored as a new revision.");
        } catch (InvalidPiece e) {
            redirect.addFlashAttribute(
                    "notice",
                    "Revision " + number + " could not be restored: "
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
        if (piece != null && piece.isTranslation()) {
            // Side by side: the original the translator works from.
            model.addAttribute("original", catalog.findById(piece.originalId()).orElse(null));
            model.addAttribute("language", Language.orEnglish(piece.language()));
        } else if (piece != null) {
            List<Piece> translations = catalog.translations(piece.id());
            model.addAttribute("translations", translations);
            model.addAttribute(
                    "untranslated",
                    java.util.Arrays.stream(Language.values())
                            .filter(l -> !l.code().equals(piece.language()))
                            .filter(l -> translations.stream()
                                    .noneMatch(t -> t.language().equals(l.code())))
                            .toList());
        }
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", PieceKind.values());
        model.addAttribute("statuses", PieceStatus.values());
        model.addAttribute("accessLevels", AccessLevel.values());
        model.addAttribute("authors", authors.all());
        // The picker shows the newest photos, and the chosen lead photo wherever it is in the library.
        java.util.List<Photo> shown = new java.util.ArrayList<>(photos.recent(PICKER_PHOTOS));
        try {
            long chosen = Long.parseLong(draft.getLeadPhotoId().strip());
            if (shown.stream().noneMatch(p -> p.id() == chosen))
                photos.find(chosen).ifPresent(p -> shown.add(0, p));
        } catch (NumberFormatException e) {
            // no lead photo chosen
        }
        model.addAttribute("photos", shown);
        model.addAttribute("maxMegabytes", photos.maxBytes() / (1024 * 1024));
        model.addAttribute(
                "zoneName",
                properties.zone().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + " ("
                        + properties.zone().getId() + ")");
        return "newsroom/piece-form";
    }
}
