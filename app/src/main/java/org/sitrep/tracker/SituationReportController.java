package org.sitrep.tracker;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.TreeSet;
import org.sitrep.intel.EventExports;
import org.sitrep.intel.EventFilter;
import org.sitrep.intel.EventTrends;
import org.sitrep.intel.InvalidEventFilter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The newsroom's "Draft a situation report" (editors and admins, under the newsroom's rule for /newsroom/**): choose
 * countries and a period, and the draft opens in the piece editor. It lives with the tracker because it reads
 * events (intel) and writes a piece (newsroom), and only a reader may use both.
 */
@Controller
class SituationReportController {
    private final SituationReports reports;
    private final EventTrends trends;

    SituationReportController(SituationReports reports, EventTrends trends) {
        this.reports = reports;
        this.trends = trends;
    }

    /** A country to tick: those with events in the 120 days up to the newest event. */
    record Country(String code, String name) {}

    @GetMapping("/newsroom/situation-reports/new")
    String form(Model model) {
        LocalDate newest = trends.asOf(EventFilter.any());
        LocalDate to = newest == null ? LocalDate.now() : newest;
        return show(model, List.of(), to.minusDays(6).toString(), to.toString(), null);
    }

    @PostMapping("/newsroom/situation-reports")
    String draft(
            @RequestParam(name = "country", required = false) List<String> countries,
            @RequestParam(name = "from", defaultValue = "") String from,
            @RequestParam(name = "to", defaultValue = "") String to,
            Principal who,
            Model model,
            HttpServletResponse response) {
        try {
            SituationReports.Request request =
                    new SituationReports.Request(countries, day(from, "from"), day(to, "to"));
            long id = reports.draft(request, who.getName()).pieceId();
            return "redirect:/newsroom/pieces/" + id;
        } catch (InvalidEventFilter e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, countries == null ? List.of() : countries, from, to, e.getMessage());
        }
    }

    private String show(Model model, List<String> chosen, String from, String to, String error) {
        TreeSet<String> codes = new TreeSet<>();
        trends.changes(EventFilter.any()).areas().forEach(a -> codes.add(a.country()));
        model.addAttribute(
                "countries",
                codes.stream()
                        .map(c -> new Country(c, EventExports.countryName(c)))
                        .toList());
        model.addAttribute("chosen", chosen);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("error", error);
        return "tracker/situation-report";
    }

    private static LocalDate day(String text, String name) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidEventFilter(name + " must be a date, YYYY-MM-DD");
        }
    }
}
