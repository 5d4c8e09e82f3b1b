package org.sitrep.newsletters;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sitrep.common.SitrepProperties;
import org.sitrep.members.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editors compose, preview, schedule and send issues (/newsroom/** needs EDITOR or ADMIN), and
 * follow a send's progress.
 */
@Controller
class IssueDeskController {
    static final String MAIL_PREVIEW_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: http: data:; "
                    + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
    private final IssueDesk desk;
    private final Newsletters newsletters;
    private final IssueLetter letters;
    private final Postman postman;
    private final SitrepProperties properties;
    private final AuditLog audit;

    IssueDeskController(
            IssueDesk desk,
            Newsletters newsletters,
            IssueLetter letters,
            Postman postman,
            SitrepProperties properties,
            AuditLog audit) {
        this.audit = audit;
        this.desk = desk;
        this.newsletters = newsletters;
        this.letters = letters;
        this.postman = postman;
        this.properties = properties;
    }

    @GetMapping("/newsroom/newsletters")
    String issues(Model model) {
        model.addAttribute("issues", desk.recent(100));
        model.addAttribute("newsletters", byId());
        model.addAttribute("offered", newsletters.offered());
        return "newsletters/issues";
    }

    @GetMapping("/newsroom/newsletters/issues/new")
    String compose(@RequestParam(name = "newsletter", required = false) Long newsletterId, Model model) {
        Newsletter n =
                newsletterId == null ? null : newsletters.byId(newsletterId).orElse(null);
        if (n == null)
            n = newsletters.offered().stream()
                    .findFirst()
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Issue blank = new Issue(0, n.id(), "", "", Issue.State.DRAFT, null, null, null, null, null, null, List.of());
        return form(blank, n, model);
    }

    @GetMapping("/newsroom/newsletters/issues/{id}")
    String issue(@PathVariable("id") long id, Model model) {
        Issue issue = find(id);
        Newsletter n = newsletters.byId(issue.newsletterId()).orElseThrow();
        if (issue.state().editable()) return form(issue, n, model);
        model.addAttribute("issue", issue);
        model.addAttribute("newsletter", n);
        model.addAttribute("progress", desk.progress(id));
        model.addAttribute("problems", desk.problems(id, 50));
        model.addAttribute("delivering", postman.delivering(id));
        return "newsletters/progress";
    }

    private String form(Issue issue, Newsletter n, Model model) {
        model.addAttribute("issue", issue);
        model.addAttribute("title", issue.id() == 0 ? "New issue" : issue.subject());
        model.addAttribute("newsletter", n);
        model.addAttribute("offered", newsletters.all());
        model.addAttribute("pieces", letters.pickable(issue.pieceIds()));
        model.addAttribute("audience", desk.audience(n));
        model.addAttribute("mailConfigured", postman.mailConfigured());
        model.addAttribute("zone", properties.zone());
        model.addAttribute(
                "sendAtLocal",
                issue.sendAt() == null
                        ? ""
                        : LocalDateTime.ofInstant(issue.sendAt(), properties.zone())
                                .toString());
        return "newsletters/issue";
    }

    @PostMapping("/newsroom/newsletters/issues")
    String save(
            @RequestParam(name = "id", required = false) Long id,
            @RequestParam(name = "newsletter") long newsletterId,
            @RequestParam(name = "subject", defaultValue = "") String subject,
            @RequestParam(name = "intro", defaultValue = "") String intro,
            @RequestParam(name = "piece", required = false) List<Long> pieces,
            Authentication auth,
            RedirectAttributes redirect) {
        try {
            long saved = desk.save(id, newsletterId, subject, intro, pieces, auth.getName());
            redirect.addFlashAttribute("notice", "Saved. Preview it, then send or schedule it.");
            return "redirect:/newsroom/newsletters/issues/" + saved;
        } catch (Newsletters.Refused e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return id == null
                    ? "redirect:/newsroom/newsletters/issues/new?newsletter=" + newsletterId
                    : "redirect:/newsroom/newsletters/issues/" + id;
        }
    }

    @GetMapping(value = "/newsroom/newsletters/issues/{id}/preview", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> previewHtml(@PathVariable("id") long id) {
        // The mail's styles are inline (mail clients ignore style sheets), which the site's policy forbids:
        // this response gets its own, allowing inline styles and images from anywhere, still no script at all.
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", MAIL_PREVIEW_POLICY)
                .body(letter(id).html("#unsubscribe-link-of-each-recipient"));
    }

    @GetMapping(value = "/newsroom/newsletters/issues/{id}/preview.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> previewText(@PathVariable("id") long id) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .body(letter(id).text("(each recipient's own unsubscribe link)"));
    }

    @PostMapping("/newsroom/newsletters/issues/{id}/send")
    String send(
            @PathVariable("id") long id,
            @RequestParam(name = "confirmed", defaultValue = "") String confirmed,
            Authentication auth,
            RedirectAttributes redirect,
            Model model) {
        Issue issue = find(id);
        if (!"yes".equals(confirmed) && issue.state().editable()) {
            Newsletter n = newsletters.byId(issue.newsletterId()).orElseThrow();
            return confirm(
                    model,
                    issue,
                    "send",
                    "Send “" + issue.subject() + "” now to " + desk.audience(n) + " reader(s)? "
                            + "A sent issue cannot be recalled.",
                    "Send now");
        }
        if (!postman.mailConfigured()) {
            redirect.addFlashAttribute(
                    "error", "No mail server is configured (spring.mail.host): nothing can be sent.");
            return "redirect:/newsroom/newsletters/issues/" + id;
        }
        if (desk.start(id)) {
            audit.record(auth.getName(), "newsletter.issue.sent", "issue#" + id, issue.subject());
            postman.deliverInBackground(id);
        }
        return "redirect:/newsroom/newsletters/issues/" + id;
    }

    @PostMapping("/newsroom/newsletters/issues/{id}/schedule")
    String schedule(
            @PathVariable("id") long id,
            @RequestParam(name = "sendAt", defaultValue = "") String sendAt,
            Authentication auth,
            RedirectAttributes redirect) {
        Issue issue = find(id);
        try {
            desk.schedule(
                    id, LocalDateTime.parse(sendAt).atZone(properties.zone()).toInstant());
            audit.record(
                    auth.getName(), "newsletter.issue.scheduled", "issue#" + id, issue.subject() + " at " + sendAt);
            redirect.addFlashAttribute(
                    "notice", "Scheduled for " + sendAt.replace('T', ' ') + " (" + properties.zone() + ").");
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", "Give the date and time to send at.");
        } catch (Newsletters.Refused e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/newsroom/newsletters/issues/" + id;
    }

    @PostMapping("/newsroom/newsletters/issues/{id}/unschedule")
    String unschedule(
            @PathVariable("id") long id,
            @RequestParam(name = "confirmed", defaultValue = "") String confirmed,
            RedirectAttributes redirect,
            Model model) {
        Issue issue = find(id);
        if (!"yes".equals(confirmed)) {
            return confirm(
                    model,
                    issue,
                    "unschedule",
                    "Cancel the scheduled send of “" + issue.subject() + "”? It becomes a draft again.",
                    "Cancel the send");
        }
        desk.unschedule(id);
        redirect.addFlashAttribute("notice", "Not scheduled any more: it is a draft again.");
        return "redirect:/newsroom/newsletters/issues/" + id;
    }

    @PostMapping("/newsroom/newsletters/issues/{id}/delete")
    String delete(
            @PathVariable("id") long id,
            @RequestParam(name = "confirmed", defaultValue = "") String confirmed,
            Authentication auth,
            RedirectAttributes redirect,
            Model model) {
        Issue issue = find(id);
        if (!"yes".equals(confirmed)) {
            return confirm(
                    model,
                    issue,
                    "delete",
                    "Delete the draft “" + issue.subject() + "”? This cannot be undone.",
                    "Delete draft");
        }
        if (desk.delete(id)) {
            audit.record(auth.getName(), "newsletter.issue.deleted", "issue#" + id, issue.subject());
            redirect.addFlashAttribute("notice", "Deleted the draft “" + issue.subject() + "”.");
            return "redirect:/newsroom/newsletters";
        }
        redirect.addFlashAttribute("error", "A sent issue cannot be deleted: it is the record of what readers got.");
        return "redirect:/newsroom/newsletters/issues/" + id;
    }

    /**
     * The question before an action that cannot be taken back, as a page: without script the button
     * leads here; with script (desk/confirm.js) the browser asks and the form carries confirmed=yes.
     */
    private String confirm(Model model, Issue issue, String action, String question, String button) {
        model.addAttribute("issue", issue);
        model.addAttribute("action", action);
        model.addAttribute("question", question);
        model.addAttribute("button", button);
        return "newsletters/confirm";
    }

    private IssueLetter.Letter letter(long id) {
        Issue issue = find(id);
        return letters.render(issue, newsletters.byId(issue.newsletterId()).orElseThrow());
    }

    private Issue find(long id) {
        return desk.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Map<Long, Newsletter> byId() {
        return newsletters.all().stream().collect(Collectors.toMap(Newsletter::id, Function.identity()));
    }
}
