package org.sitrep.newsroom;

import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sitrep.common.SitrepProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the editor's script asks for while an editor types (static/desk/editor.js): keep the form
 * as the editor's autosave, and render the body exactly as the site will (the same
 * {@link BodyRenderer}, so the same safelist). Both sit behind the newsroom's sign-in and CSRF token.
 */
@RestController
class EditorAssistController {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final int MAX_PREVIEW = 900_000;

    private final PieceAutosaves autosaves;
    private final PieceEditor editor;
    private final PieceCatalog catalog;
    private final BodyRenderer renderer;
    private final SitrepProperties properties;

    EditorAssistController(
            PieceAutosaves autosaves,
            PieceEditor editor,
            PieceCatalog catalog,
            BodyRenderer renderer,
            SitrepProperties properties) {
        this.autosaves = autosaves;
        this.editor = editor;
        this.catalog = catalog;
        this.renderer = renderer;
        this.properties = properties;
    }

    /**
     * Keeps the typed form. Answers when it was kept and, if a colleague saved the piece after the
     * revision this text started from, says so: the autosave itself never touches the piece.
     */
    @PostMapping({"/newsroom/pieces/new/autosave", "/newsroom/pieces/{id}/autosave"})
    ResponseEntity<Map<String, Object>> autosave(
            @PathVariable(name = "id", required = false) Long id, @ModelAttribute PieceDraft draft, Principal who) {
        if (id != null && catalog.findById(id).isEmpty()) {
            return json(HttpStatus.NOT_FOUND, Map.of("error", "This piece no longer exists."));
        }
        Instant saved;
        try {
            saved = autosaves.keep(who.getName(), id == null ? 0 : id, draft);
        } catch (PieceAutosaves.TooLong e) {
            return json(
                    HttpStatus.PAYLOAD_TOO_LARGE, Map.of("error", "Too long to keep as a draft: shorten the body."));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("saved", CLOCK.format(saved.atZone(properties.zone())));
        if (id != null) {
            int latest = editor.latestRevision(id);
            int base = parse(draft.getBaseRevision());
            if (base >= 0 && latest > base) {
                editor.revision(id, latest)
                        .filter(r -> r.editedBy() != null && !r.editedBy().equalsIgnoreCase(who.getName()))
                        .ifPresent(
                                r -> answer.put(
                                        "newer",
                                        r.editedBy() + " saved this piece at "
                                                + CLOCK.format(r.createdAt().atZone(properties.zone())) + " (revision "
                                                + r.number()
                                                + "). Your text is kept as your draft; compare under Revisions before saving."));
            }
        }
        return json(HttpStatus.OK, answer);
    }

    /** The body as readers will get it: Markdown through the site's renderer and safelist, photos as figures. */
    @PostMapping(value = "/newsroom/preview", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> preview(@RequestParam(name = "body", defaultValue = "") String body) {
        if (body.length() > MAX_PREVIEW) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("The body is too long to preview.");
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(renderer.toHtml(body));
    }

    private static ResponseEntity<Map<String, Object>> json(HttpStatus status, Map<String, Object> body) {
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    private static int parse(String n) {
        try {
            return Integer.parseInt(n.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
