package org.sitrep.ingest;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Locale;
import org.sitrep.common.SitrepProperties;
import org.sitrep.web.Paging;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's view of ingest ({@code /admin/ingest}, editors and admins): sources with their state
 * and back-off, "add page", the ingested stories with their copies and raw copies, and errors.
 */
@Controller
class IngestAdminController {
    static final int PAGE_SIZE = 50;

    private final Sources sources;
    private final Ingestion ingestion;
    private final IngestedStories stories;
    private final IngestErrors errors;
    private final RawCopies raw;
    private final Inbox inbox;
    private final SitrepProperties properties;

    IngestAdminController(
            Sources sources,
            Ingestion ingestion,
            IngestedStories stories,
            IngestErrors errors,
            RawCopies raw,
            Inbox inbox,
            SitrepProperties properties) {
        this.properties = properties;
        this.sources = sources;
        this.ingestion = ingestion;
        this.stories = stories;
        this.errors = errors;
        this.raw = raw;
        this.inbox = inbox;
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return properties.zone();
    }

    @GetMapping("/admin/ingest")
    String overview(Model model) {
        model.addAttribute("sources", sources.all());
        model.addAttribute("errors", errors.latest(10));
        model.addAttribute("errorCount", errors.count());
        model.addAttribute("storyCount", stories.count());
        model.addAttribute("inbox", inbox.dir().toAbsolutePath().toString());
        return "ingest/overview";
    }

    @PostMapping("/admin/ingest/sources")
    String add(
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "kind", defaultValue = "feed") String kind,
            @RequestParam(name = "url", defaultValue = "") String url,
            @RequestParam(name = "pollMinutes", defaultValue = "") String pollMinutes,
            @RequestParam(name = "active", defaultValue = "false") boolean active,
            @RequestParam(name = "fetchLinked", defaultValue = "false") boolean fetchLinked,
            RedirectAttributes redirect) {
        try {
            Sources.Kind k = "page".equals(kind) ? Sources.Kind.PAGE : Sources.Kind.FEED;
            sources.add(name, k, url, minutes(pollMinutes), active, fetchLinked);
            redirect.addFlashAttribute("notice", "Source " + name.strip() + " added; it will be polled shortly.");
        } catch (BadInput e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/ingest";
    }

    @GetMapping("/admin/ingest/sources/{id}")
    String source(@PathVariable("id") long id, Model model) {
        model.addAttribute("source", sources.find(id).orElseThrow(IngestAdminController::notFound));
        return "ingest/source";
    }

    @PostMapping("/admin/ingest/sources/{id}")
    String update(
            @PathVariable("id") long id,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "url", defaultValue = "") String url,
            @RequestParam(name = "pollMinutes", defaultValue = "") String pollMinutes,
            @RequestParam(name = "active", defaultValue = "false") boolean active,
            @RequestParam(name = "fetchLinked", defaultValue = "false") boolean fetchLinked,
            RedirectAttributes redirect) {
        sources.find(id).orElseThrow(IngestAdminController::notFound);
        try {
            sources.update(id, name, url, minutes(pollMinutes), active, fetchLinked);
            redirect.addFlashAttribute("notice", "Source saved.");
        } catch (BadInput e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/ingest/sources/" + id;
    }

    @PostMapping("/admin/ingest/sources/{id}/poll")
    String pollNow(@PathVariable("id") long id, RedirectAttributes redirect) {
        sources.find(id).orElseThrow(IngestAdminController::notFound);
        sources.pollSoon(id);
        redirect.addFlashAttribute("notice", "The source will be polled within a few seconds.");
        return "redirect:/admin/ingest/sources/" + id;
    }

    @PostMapping("/admin/ingest/sources/{id}/delete")
    String delete(@PathVariable("id") long id, RedirectAttributes redirect) {
        sources.delete(id);
        redirect.addFlashAttribute("notice", "Source removed; its stories stay.");
        return "redirect:/admin/ingest";
    }

    @PostMapping("/admin/ingest/pages")
    String addPage(@RequestParam(name = "url", defaultValue = "") String url, RedirectAttributes redirect) {
        if (url.isBlank()) {
            redirect.addFlashAttribute("error", "Give the address of a web page.");
            return "redirect:/admin/ingest";
        }
        Ingestion.Report report = ingestion.url(url.strip(), new Intake.Origin(null, "Added by hand"));
        if (report.failed() && report.outcomes().isEmpty())
            redirect.addFlashAttribute("error", "Not ingested: " + String.join("; ", report.errors()));
        else redirect.addFlashAttribute("notice", url.strip() + ": " + report.describe());
        if (report.outcomes().size() == 1)
            return "redirect:/admin/ingest/stories/" + report.outcomes().get(0).itemId();
        return "redirect:/admin/ingest";
    }

    @GetMapping("/admin/ingest/stories")
    String stories(@RequestParam(name = "page", defaultValue = "1") String pageParam, Model model) {
        int page = Paging.pageNumber(pageParam).orElseThrow(IngestAdminController::notFound);
        long total = stories.count();
        model.addAttribute("stories", stories.newest((page - 1) * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("total", total);
        model.addAttribute("page", page);
        model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        return "ingest/stories";
    }

    @GetMapping("/admin/ingest/stories/{id}")
    String story(@PathVariable("id") long id, Model model) {
        model.addAttribute("story", stories.find(id).orElseThrow(IngestAdminController::notFound));
        model.addAttribute("copies", stories.copies(id));
        return "ingest/story";
    }

    @GetMapping("/admin/ingest/errors")
    String errors(Model model) {
        model.addAttribute("errors", errors.latest(500));
        model.addAttribute("errorCount", errors.count());
        return "ingest/errors";
    }

    /** The raw copy as it arrived: text as text/plain, anything else as a download; never rendered as HTML. */
    @GetMapping("/admin/ingest/copies/{id}/raw")
    ResponseEntity<byte[]> raw(@PathVariable("id") long id) {
        IngestedStories.Copy copy = stories.copy(id).orElseThrow(IngestAdminController::notFound);
        return asArrived(id, raw.read(copy.rawSha256()).orElseThrow(IngestAdminController::notFound), copy.rawType());
    }

    /** A feed entry's linked page as it arrived: as text, like any raw copy, never as a live page. */
    @GetMapping("/admin/ingest/copies/{id}/page")
    ResponseEntity<byte[]> linkedPage(@PathVariable("id") long id) {
        IngestedStories.Copy copy = stories.copy(id).orElseThrow(IngestAdminController::notFound);
        if (copy.pageSha256() == null) throw notFound();
        return asArrived(id, raw.read(copy.pageSha256()).orElseThrow(IngestAdminController::notFound), "text/html");
    }

    private static ResponseEntity<byte[]> asArrived(long id, byte[] bytes, String rawType) {
        String type = rawType.toLowerCase(Locale.ROOT);
        boolean text = type.startsWith("text/") || type.contains("xml") || type.contains("json");
        HttpHeaders headers = new HttpHeaders();
        headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
        if (text) {
            headers.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
        } else {
            headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
            headers.setContentDisposition(ContentDisposition.attachment()
                    .filename("copy-" + id + (type.contains("jpeg") ? ".jpg" : ".bin"))
                    .build());
        }
        return new ResponseEntity<>(bytes, headers, HttpStatus.OK);
    }

    private static int minutes(String raw) {
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadInput("Poll every: a whole number of minutes.");
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
