package org.sitrep.intel;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The analysts' pages: the review queue and one event with its evidence, review form, duplicates and history. */
@Controller
class ReviewController {
    static final int PAGE_SIZE = 25;

    private final EventReview review;
    private final EventSearch search;
    private final PlaceLookup places;
    private final ActorDirectory actors;

    ReviewController(EventReview review, EventSearch search, PlaceLookup places, ActorDirectory actors) {
        this.review = review;
        this.search = search;
        this.places = places;
        this.actors = actors;
    }

    @GetMapping("/intel/review")
    String queue(
            @RequestParam(name = "page", defaultValue = "1") String page,
            @RequestParam(name = "source", required = false) String source,
            @RequestParam(name = "type", required = false) String type,
            @RequestParam(name = "confidence", required = false) String confidence,
            @RequestParam(name = "place", required = false) String place,
            Model model) {
        int p;
        try {
            p = Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            p = 1;
        }
        Double min = null;
        if (confidence != null && !confidence.isBlank()) {
            try {
                min = Double.parseDouble(confidence.strip());
            } catch (NumberFormatException e) {
                min = Double.NaN;
            }
            if (!(min >= 0 && min <= 1)) {
                model.addAttribute("error", "Confidence is a number from 0 to 1: the queue is shown without it.");
                min = null;
            }
        }
        if (type != null && !type.isBlank() && !EventReview.taxonomy().containsKey(type.strip())) type = null;
        EventReview.QueueFilter filter =
                new EventReview.QueueFilter(blankless(source), blankless(type), min, blankless(place));
        model.addAttribute("queue", review.queue(filter, p, PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("taxonomy", EventReview.taxonomy());
        model.addAttribute("filterQuery", filterQuery(filter));
        return "intel/review";
    }

    /**
     * Confirms the ticked events of a queue page, each at the version that page showed ({@code event=id:version}).
     * Each is confirmed on its own under the usual rules: one changed meanwhile is left and named, the rest go through.
     */
    @PostMapping("/intel/review/confirm")
    String confirmTicked(
            @RequestParam(name = "event", required = false) List<String> ticked,
            @RequestParam(name = "back", defaultValue = "") String back,
            Principal who,
            RedirectAttributes flash) {
        Map<Long, Long> seen = new LinkedHashMap<>();
        for (String t : ticked == null ? List.<String>of() : ticked) {
            String[] idVersion = t.split(":", 2);
            try {
                seen.put(
                        Long.parseLong(idVersion[0].strip()),
                        idVersion.length == 2 ? Long.parseLong(idVersion[1].strip()) : -1);
            } catch (NumberFormatException e) {
                // not from our form: ignored, and the count below says what was done
            }
        }
        List<Long> done = new ArrayList<>();
        List<String> left = new ArrayList<>();
        seen.forEach((id, version) -> {
            try {
                review.confirm(id, version, who.getName()); // through the proxy: one transaction per event
                done.add(id);
            } catch (StaleReview e) {
                left.add("#" + id + " (changed by someone else since the queue was shown)");
            } catch (InvalidReview e) {
                left.add("#" + id + " (" + e.getMessage() + ")");
            } catch (EventReview.UnknownEvent e) {
                left.add("#" + id + " (no such event)");
            }
        });
        if (seen.isEmpty()) flash.addFlashAttribute("error", "Tick the events to confirm first.");
        else
            flash.addFlashAttribute("notice", "Confirmed " + done.size() + (done.size() == 1 ? " event." : " events."));
        if (!left.isEmpty()) flash.addFlashAttribute("error", "Left as they were: " + String.join("; ", left) + ".");
        // Back to the same filtered queue; only our own query strings are followed (never another site).
        return "redirect:/intel/review" + (back.matches("[A-Za-z0-9_=&%.+\\-]*") && !back.isEmpty() ? "?" + back : "");
    }

    /** Gazetteer places whose name starts with {@code q}, for the correction form's type-ahead. */
    @GetMapping("/intel/places/lookup")
    @ResponseBody
    List<PlaceLookup.Place> lookup(@RequestParam(name = "q", defaultValue = "") String q) {
        if (q.length() > 100) return List.of();
        return places.startingWith(q, 10);
    }

    /** The gazetteer place nearest a point clicked on the correction form's map. */
    @GetMapping("/intel/places/nearest")
    @ResponseBody
    ResponseEntity<PlaceLookup.Place> nearest(@RequestParam("lat") double lat, @RequestParam("lon") double lon) {
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180))
            return ResponseEntity.badRequest().build();
        return places.nearest(lat, lon)
                .map(ResponseEntity::ok)
                .orElse(ResponseEntity.notFound().build());
    }

    /** Known actors whose name starts with {@code q}, most events first: suggestions for the actor fields. */
    @GetMapping("/intel/actors/suggest")
    @ResponseBody
    List<String> actorNames(@RequestParam(name = "q", defaultValue = "") String q) {
        if (q.isBlank() || q.length() > 100) return List.of();
        return actors.list(q.strip(), null, 0, 10).items().stream()
                .map(ActorDirectory.Actor::name)
                .toList();
    }

    @GetMapping("/intel/events/{id}")
    String event(@PathVariable("id") long id, Model model) {
        TrackedEvent e = review.find(id);
        if (!model.containsAttribute("form")) model.addAttribute("form", Correction.of(e));
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
        model.addAttribute("event", e);
        model.addAttribute(
                "evidence",
                EvidenceInText.of(
                        e, search.documentText(e.source().documentId()).orElse("")));
        model.addAttribute("sourceUrl", SourceLinks.http(e.source().url()));
        model.addAttribute("history", review.history(id));
        model.addAttribute("sources", review.mergedInto(id));
        model.addAttribute(
                "candidates", e.reviewState() == ReviewState.MERGED ? java.util.List.of() : review.mergeCandidates(e));
        model.addAttribute("taxonomy", EventReview.taxonomy());
        model.addAttribute("precisions", java.util.List.of("neighbourhood", "city", "admin2", "admin1", "country"));
        model.addAttribute(
                "knownActors",
                actors.list(null, null, 0, 200).items().stream()
                        .map(ActorDirectory.Actor::name)
                        .toList());
        return "intel/event";
    }

    @PostMapping("/intel/events/{id}/confirm")
    String confirm(
            @PathVariable("id") long id,
            @RequestParam(name = "version", defaultValue = "") String version,
            Principal who,
            RedirectAttributes flash) {
        review.confirm(id, seen(version), who.getName());
        return next(id, "Event #" + id + " confirmed.", flash);
    }

    @PostMapping("/intel/events/{id}/reject")
    String reject(
            @PathVariable("id") long id,
            @RequestParam(name = "version", defaultValue = "") String version,
            Principal who,
            RedirectAttributes flash) {
        review.reject(id, seen(version), who.getName());
        return next(id, "Event #" + id + " rejected: it no longer shows on the tracker or in exports.", flash);
    }

    @PostMapping("/intel/events/{id}/reopen")
    String reopen(
            @PathVariable("id") long id,
            @RequestParam(name = "version", defaultValue = "") String version,
            Principal who,
            RedirectAttributes flash) {
        review.reopen(id, seen(version), who.getName());
        flash.addFlashAttribute("notice", "Event reopened: it is back in the review queue.");
        return "redirect:/intel/events/" + id;
    }

    @PostMapping("/intel/events/{id}/correct")
    String correct(
            @PathVariable("id") long id,
            @RequestParam(name = "version", defaultValue = "") String version,
            Correction form,
            Principal who,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            review.correct(id, seen(version), form, who.getName());
        } catch (StaleReview e) {
            model.addAttribute(
                    "form", form); // the analyst's correction, to check against the current values and save again
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
    String merge(
            @PathVariable("id") long id,
            @RequestParam(name = "version", defaultValue = "") String version,
            @RequestParam(name = "into", defaultValue = "") String into,
            Principal who,
            RedirectAttributes flash) {
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

    /** After a decision the next event waiting opens, so the analyst works down the queue without going back to it. */
    private String next(long done, String notice, RedirectAttributes flash) {
        Optional<Long> next = review.nextInQueue(done, EventReview.QueueFilter.ALL);
        if (next.isEmpty()) {
            flash.addFlashAttribute("notice", notice + " The review queue is empty.");
            return "redirect:/intel/review";
        }
        flash.addFlashAttribute("notice", notice + " This is the next event in the queue.");
        flash.addFlashAttribute("previous", done);
        return "redirect:/intel/events/" + next.get();
    }

    private static String blankless(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String filterQuery(EventReview.QueueFilter f) {
        List<String> parts = new ArrayList<>();
        if (f.source() != null) parts.add("source=" + URLEncoder.encode(f.source(), StandardCharsets.UTF_8));
        if (f.type() != null) parts.add("type=" + URLEncoder.encode(f.type(), StandardCharsets.UTF_8));
        if (f.minConfidence() != null) parts.add("confidence=" + f.minConfidence());
        if (f.place() != null) parts.add("place=" + URLEncoder.encode(f.place(), StandardCharsets.UTF_8));
        return String.join("&", parts);
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
