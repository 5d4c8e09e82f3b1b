package org.sitrep.newsletters;

import org.sitrep.members.AuditLog;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The publisher's list of newsletters (/admin/** needs the ADMIN role); every change goes to the audit log. */
@Controller
class NewslettersAdminController {
    private final Newsletters newsletters;
    private final AuditLog audit;

    NewslettersAdminController(Newsletters newsletters, AuditLog audit) {
        this.newsletters = newsletters;
        this.audit = audit;
    }

    @GetMapping("/admin/newsletters")
    String list(Model model) {
        model.addAttribute("newsletters", newsletters.all());
        return "newsletters/admin-newsletters";
    }

    @PostMapping("/admin/newsletters")
    String save(
            @RequestParam(name = "id", required = false) Long id,
            @RequestParam(name = "slug", defaultValue = "") String slug,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "description", defaultValue = "") String description,
            @RequestParam(name = "access", defaultValue = "") String access,
            @RequestParam(name = "active", defaultValue = "false") boolean active,
            Authentication auth,
            RedirectAttributes redirect) {
        try {
            Newsletter.Access a = "PAID".equals(access)
                    ? Newsletter.Access.PAID
                    : "FREE".equals(access) ? Newsletter.Access.FREE : null;
            Newsletter saved = newsletters.save(id, slug, name, description, a, active);
            audit.record(
                    auth.getName(),
                    id == null ? "newsletter.created" : "newsletter.changed",
                    "newsletter#" + saved.id(),
                    saved.slug() + ": " + saved.name() + ", " + saved.access()
                            + (saved.active() ? ", active" : ", inactive"));
            redirect.addFlashAttribute("notice", "Saved " + saved.name() + ".");
        } catch (Newsletters.Refused e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/newsletters";
    }
}
