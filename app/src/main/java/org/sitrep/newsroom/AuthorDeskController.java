package org.sitrep.newsroom;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Authors in bylines: list, add, edit. */
@Controller
class AuthorDeskController {
    private final AuthorDesk authors;
    private final PhotoLibrary photos;

    AuthorDeskController(AuthorDesk authors, PhotoLibrary photos) {
        this.authors = authors;
        this.photos = photos;
    }

    @GetMapping("/newsroom/authors")
    String list(Model model) {
        model.addAttribute("authors", authors.all());
        return "newsroom/authors";
    }

    @GetMapping("/newsroom/authors/new")
    String add(Model model) {
        return form(model, null, "", "", "", "", Map.of());
    }

    @GetMapping("/newsroom/authors/{id}")
    String edit(@PathVariable("id") long id, Model model) {
        Author a = authors.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return form(
                model,
                id,
                a.name(),
                a.slug(),
                a.bio() == null ? "" : a.bio(),
                a.photo() == null ? "" : Long.toString(a.photo().id()),
                Map.of());
    }

    @PostMapping({"/newsroom/authors", "/newsroom/authors/{id}"})
    String save(
            @PathVariable(required = false, name = "id") Long id,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "slug", defaultValue = "") String slug,
            @RequestParam(name = "bio", defaultValue = "") String bio,
            @RequestParam(name = "photoId", defaultValue = "") String photoId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (id != null) authors.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            long saved = authors.save(id, name, slug, bio, photoId);
            redirect.addFlashAttribute("notice", "Author saved.");
            return "redirect:/newsroom/authors/" + saved;
        } catch (InvalidForm e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return form(model, id, name, slug, bio, photoId, e.errors());
        }
    }

    private String form(
            Model model, Long id, String name, String slug, String bio, String photoId, Map<String, String> errors) {
        model.addAttribute("authorId", id);
        model.addAttribute("name", name);
        model.addAttribute("slug", slug);
        model.addAttribute("bio", bio);
        model.addAttribute("photoId", photoId);
        model.addAttribute("errors", errors);
        model.addAttribute("photos", photos.recent(200));
        return "newsroom/author-form";
    }
}
