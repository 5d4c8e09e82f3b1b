package org.sitrep.intel;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The analysts' pages: the review queue and one event with its evidence, review form, duplicates and history. */
@Controller
class ReviewController {
    static final int PAGE_SIZE = 25;

    private final EventReview review;
    private final EventSearch search;

    ReviewController(EventReview review, EventSearch search) {
        this.review = review;
        this.search = search;
    }

    @GetMapping("/intel/review")
    String queue(@RequestParam(name = "page", defaultValue = "1") String page, Model model) {
        int p;
        try {
            p = Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            p = 1;
        }
        model.addAttribute("queue", review.queue(p, PAGE_SIZE));
        return "intel/review";
    }

    @GetMapping("/intel/events/{id}")
    String event(@PathVariable("id") long id, Model model) {
        TrackedEvent e = review.find(id);
        if (!model.containsAttribute("form")) model.addAttribute("form", Correction.of(e));
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
        model.addAttribute("event", e);
        model.addAttribute("evidence", EvidenceInText.of(e, search.documentText(e.source().documentId()).orElse("")));
        model.addAttribute("sourceUrl", SourceLinks.http(e.source().url()));
        model.addAttribute("history", review.history(id));
        model.addAttribute("sources", review.mergedInto(id));
        model.addAttribute("candidates", e.reviewState() == ReviewState.MERGED ? java.util.List.of() : review.mergeCandidates(e));
        model.addAttribute("taxonomy", EventReview.taxonomy());
        model.addAttribute("precisions", java.util.List.of("neighbourhood", "city", "admin2", "admin1", "country"));
        return "intel/event";
    }

    @PostMapping("/intel/events/{id}/confirm")
    String confirm(@PathVariable("id") long id, @RequestParam(name = "version", defaultValue = "") String version, Principal who,
                   RedirectAttributes flash) {
        review.confirm(id, seen(version), who.getName());
        flash.addFlashAttribute("notice", "Event confirmed.");
        return "redirect:/intel/events/" + id;
    }

    @PostMapping("/intel/events/{id}/reject")
    String reject(@PathVariable("id") long id, @RequestParam(name = "version", defaultValue = "") String version, Principal who,
                  RedirectAttributes flash) {
        review.reject(id, seen(version), who.getName());
        flash.addFlashAttribute("notice", "Event rejected: it no longer shows on the tracker or in exports.");
        return "redirect:/intel/events/" + id;
    }

    @PostMapping("/intel/events/{id}/reopen")
    String reopen(@PathVariable("id") long id, @RequestParam(name = "version", defaultValue = "") String version, Principal who,
                  RedirectAttributes flash) {
        review.reopen(id, seen(version), who.getName());
        flash.addFlashAttribute("notice", "Event reopened: it is back in the review queue.");
        return "redirect:/intel/events/" + id;
    }

    @PostMapping("/intel/events/{id}/correct")
    String correct(@PathVariable("id") long id, @RequestParam(name = "version", defaultValue = "") String version,
                   Correction form, Principal who, Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            review.correct(id, seen(version), form, who.getName());
        } catch (StaleReview e) {
            model.addAttribute("form", form); // the analyst's correction, to check against the current values and save again
            return stale(e, model, response);
        } catch (InvalidReview e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", form);
            model.addAttribute("errors", e.errors());
            model.addAttribute("error", "The correction was not saved: " + e.getMessage());
            return event(id, model);
        }
        flash.addFlashAttribute("notice", "Correction saved.");
        return "redirect:/intel/events/" + id;
    }

    @PostMapping("/intel/events/{id}/merge")
    String merge(@PathVariable("id") long id, @RequestParam(name = "version", defaultValue = "") String version,
                 @RequestParam(name = "into", defaultValue = "") String into, Principal who, RedirectAttributes flash) {
        long target;
        try {
            target = Long.parseLong(into.strip().replace("#", ""));
        } catch (NumberFormatException e) {
            throw new InvalidReview(Map.of("into", "Give the number of the event to merge into."));
        }
        review.merge(id, seen(version), target, who.getName());
        flash.addFlashAttribute("notice", "Merged into event #" + target + ".");
        return "redirect:/intel/events/" + target;
    }

    /** The version of the event the analyst's page showed; a form without one (an old page) counts as out of date. */
    private static long seen(String version) {
        try {
            return Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Someone changed the event after the analyst opened it: 409, and the event page as it is now, saying who changed
     * what, so the analyst decides again on the current version instead of overwriting a colleague's work unseen.
     */
    @ExceptionHandler(StaleReview.class)
    String stale(StaleReview e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("error", e.explanation());
        if (e.lastChange() != null) model.addAttribute("conflict", e.lastChange());
        return event(e.current().id(), model);
    }

    /** A refused action goes back to the event page with the reason (not an error page: the analyst can act on it). */
    @ExceptionHandler(InvalidReview.class)
    String refused(InvalidReview e, jakarta.servlet.http.HttpServletRequest request, RedirectAttributes flash) {
        flash.addFlashAttribute("error", e.getMessage());
        String path = request.getRequestURI();
        return "redirect:" + path.substring(0, path.lastIndexOf('/'));
    }

}
