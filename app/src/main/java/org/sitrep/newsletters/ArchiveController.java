package org.sitrep.newsletters;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sitrep.common.SitrepProperties;
import org.sitrep.newsroom.AccessLevel;
import org.sitrep.paywall.Access;
import org.sitrep.paywall.Paywall;
import org.sitrep.web.PublicUrls;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public archive of past issues: a list of every issue that went out, and a web view of each.
 * An issue lists pieces by headline, standfirst and photo (what any listing shows), so that part is
 * public; the editor's note of a paid newsletter's issue is decided by the paywall's own rule for
 * paid pieces ({@link Paywall#decide}, which counts nothing on the meter for them): subscribers,
 * editors and admins read it, everyone else gets the offer instead.
 */
@Controller
class ArchiveController {
    static final int PAGE = 30;

    private final IssueDesk desk;
    private final Newsletters newsletters;
    private final IssueLetter letters;
    private final Paywall paywall;
    private final org.sitrep.newsroom.BodyRenderer renderer;
    private final PublicUrls urls;
    private final SitrepProperties properties;

    ArchiveController(
            IssueDesk desk,
            Newsletters newsletters,
            IssueLetter letters,
            Paywall paywall,
            org.sitrep.newsroom.BodyRenderer renderer,
            PublicUrls urls,
            SitrepProperties properties) {
        this.desk = desk;
        this.newsletters = newsletters;
        this.letters = letters;
        this.paywall = paywall;
        this.renderer = renderer;
        this.urls = urls;
        this.properties = properties;
    }

    @GetMapping("/newsletters")
    String archive(@RequestParam(name = "page", defaultValue = "1") String pageParam, Model model) {
        int page = page(pageParam);
        long total = desk.countSent();
        List<Issue> issues = desk.sent(PAGE, (page - 1) * PAGE);
        if (page > 1 && issues.isEmpty()) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        model.addAttribute("issues", issues);
        model.addAttribute("newsletters", byId());
        model.addAttribute("offered", newsletters.offered());
        model.addAttribute(
                "previous", page > 1 ? (page == 2 ? "/newsletters" : "/newsletters?page=" + (page - 1)) : null);
        model.addAttribute("next", (long) page * PAGE < total ? "/newsletters?page=" + (page + 1) : null);
        model.addAttribute("page", page);
        model.addAttribute("title", "Newsletters: past issues · " + properties.siteName());
        model.addAttribute("canonical", urls.absolute(page == 1 ? "/newsletters" : "/newsletters?page=" + page));
        model.addAttribute("currentPath", "/newsletters");
        return "newsletters/archive";
    }

    @GetMapping("/newsletters/issues/{id}")
    String issue(
            @PathVariable("id") String idParam, Model model, HttpServletRequest request, HttpServletResponse response) {
        long id;
        try {
            id = Long.parseLong(idParam);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        // Drafts, scheduled and still-sending issues are not published: the same 404 as a missing one.
        Issue issue = desk.find(id)
                .filter(i -> i.state() == Issue.State.SENT)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Newsletter newsletter = newsletters.byId(issue.newsletterId()).orElseThrow();
        Access access = newsletter.paid()
                ? paywall.decide(0, AccessLevel.PAID, paywall.terms(), request, response)
                : new Access(Access.Outcome.FULL, 0, false, null);
        model.addAttribute("issue", issue);
        model.addAttribute("newsletter", newsletter);
        model.addAttribute("access", access);
        // A cut issue's note never reaches the page: not rendered, not hidden.
        model.addAttribute("introHtml", access.cut() ? "" : renderer.toHtml(issue.introMarkdown()));
        model.addAttribute("items", letters.items(issue));
        model.addAttribute("title", issue.subject() + " · " + newsletter.name() + " · " + properties.siteName());
        model.addAttribute("canonical", urls.absolute("/newsletters/issues/" + id));
        model.addAttribute("currentPath", "/newsletters");
        if (newsletter.paid()) response.setHeader("Cache-Control", "private, no-store"); // differs by reader
        return "newsletters/archive-issue";
    }

    private static int page(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1 || n > 100_000) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            return n;
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private Map<Long, Newsletter> byId() {
        return newsletters.all().stream().collect(Collectors.toMap(Newsletter::id, Function.identity()));
    }
}
