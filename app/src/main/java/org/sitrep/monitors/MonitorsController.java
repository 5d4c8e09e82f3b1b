package org.sitrep.monitors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sitrep.intel.EventFilter;
import org.sitrep.intel.EventFilterParams;
import org.sitrep.intel.InvalidEventFilter;
import org.sitrep.members.UserAccount;
import org.sitrep.members.UserAccounts;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A reader's monitors: save the tracker view in hand ({@code /monitors/new?…the tracker's filters…}), list them,
 * change a digest or alerts, delete one; and the mails' one-click unsubscribe. Only the owner sees or changes a
 * monitor (anyone else's is "not found"). Who may have monitors is who may read the tracker (MonitorsSecurity).
 */
@Controller
class MonitorsController {
    private final Monitors monitors;
    private final MonitorMails mails;
    private final UserAccounts accounts;
    private final UnsubscribeLinks links;

    MonitorsController(Monitors monitors, MonitorMails mails, UserAccounts accounts, UnsubscribeLinks links) {
        this.monitors = monitors;
        this.mails = mails;
        this.accounts = accounts;
        this.links = links;
    }

    /** A monitor as its list shows it. */
    record Listed(Monitor monitor, String watches, String lastMail) {}

    @GetMapping("/monitors")
    String list(Principal who, @RequestParam(name = "saved", required = false) String saved, Model model) {
        long user = me(who).id();
        List<Listed> listed = monitors.of(user).stream()
                .map(m -> new Listed(m, watches(m), lastMail(m)))
                .toList();
        model.addAttribute("monitors", listed);
        model.addAttribute("notice", saved != null ? "Monitor saved." : null);
        return "monitors/list";
    }

    @GetMapping("/monitors/new")
    String form(HttpServletRequest request, Model model) {
        EventFilter f = EventFilterParams.of(request.getParameterMap()).filter().withDates(null, null);
        model.addAttribute("filter", EventFilterParams.queryString(f));
        model.addAttribute("watches", Monitor.describe(f));
        model.addAttribute("name", "");
        model.addAttribute("digest", "daily");
        model.addAttribute("alerts", true);
        model.addAttribute("errors", Map.of());
        return "monitors/new";
    }

    @PostMapping("/monitors")
    String create(
            Principal who,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "filter", defaultValue = "") String filter,
            @RequestParam(name = "digest", defaultValue = "") String digest,
            @RequestParam(name = "alerts", required = false) String alerts,
            Model model,
            HttpServletResponse response) {
        try {
            monitors.create(me(who).id(), name, filter, digest, alerts != null);
            return "redirect:/monitors?saved";
        } catch (Monitors.Refused e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            String watches;
            try {
                watches = Monitor.describe(
                        EventFilterParams.of(Monitor.parameters(filter)).filter());
            } catch (InvalidEventFilter bad) {
                watches = "A view that cannot be read";
            }
            model.addAttribute("filter", filter);
            model.addAttribute("watches", watches);
            model.addAttribute("name", name);
            model.addAttribute("digest", digest);
            model.addAttribute("alerts", alerts != null);
            model.addAttribute("errors", e.errors);
            return "monitors/new";
        }
    }

    @PostMapping("/monitors/{id}")
    String change(
            Principal who,
            @PathVariable("id") long id,
            @RequestParam(name = "digest", defaultValue = "") String digest,
            @RequestParam(name = "alerts", required = false) String alerts) {
        Monitor.Digest d = Monitor.Digest.of(digest);
        if (d == null) throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Choose no digest, daily or weekly.");
        if (!monitors.change(me(who).id(), id, d, alerts != null))
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        return "redirect:/monitors?saved";
    }

    @PostMapping("/monitors/{id}/delete")
    String delete(Principal who, @PathVariable("id") long id) {
        if (!monitors.delete(me(who).id(), id)) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        return "redirect:/monitors";
    }

    /** Opening the mail's link shows a button (link scanners fetch every address and must stop nothing). */
    @GetMapping("/monitors/unsubscribe")
    String confirm(
            @RequestParam(name = "token", defaultValue = "") String token, Model model, HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        Optional<Monitor> m = monitorOf(token);
        if (m.isEmpty()) return invalid(response);
        model.addAttribute("monitor", m.get());
        model.addAttribute("what", what(token));
        model.addAttribute("token", token);
        model.addAttribute("done", false);
        return "monitors/unsubscribe";
    }

    /** What a mail client POSTs on "unsubscribe" (RFC 8058; no cookie, no CSRF token: the signed token authorises it). */
    @PostMapping("/monitors/unsubscribe")
    String unsubscribe(
            @RequestParam(name = "token", defaultValue = "") String token, Model model, HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        Optional<UnsubscribeLinks.Unsubscribe> u = links.read(token);
        Optional<Monitor> m = monitorOf(token);
        if (u.isEmpty() || m.isEmpty()) return invalid(response);
        if (u.get().stops() == UnsubscribeLinks.Stops.DIGEST)
            monitors.stopDigest(m.get().id());
        else monitors.stopAlerts(m.get().id());
        model.addAttribute("monitor", m.get());
        model.addAttribute("what", what(token));
        model.addAttribute("done", true);
        return "monitors/unsubscribe";
    }

    @ExceptionHandler(InvalidEventFilter.class)
    String invalidFilter(InvalidEventFilter e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("message", e.getMessage());
        return "tracker/invalid";
    }

    private Optional<Monitor> monitorOf(String token) {
        return links.read(token).flatMap(u -> monitors.find(u.monitorId()));
    }

    private String what(String token) {
        return links.read(token)
                .map(u -> u.stops() == UnsubscribeLinks.Stops.DIGEST ? "its digest" : "its surge alerts")
                .orElse("");
    }

    private String invalid(HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "monitors/unsubscribe-invalid";
    }

    private static String watches(Monitor m) {
        try {
            return Monitor.describe(m.eventFilter());
        } catch (InvalidEventFilter e) {
            return "A view that can no longer be read (" + e.getMessage() + "): delete it and save it again";
        }
    }

    private String lastMail(Monitor m) {
        return mails.of(m.id()).stream()
                .filter(x -> "SENT".equals(x.state()))
                .findFirst()
                .map(x -> x.digest() ? "Last digest sent" : "Last alert sent")
                .orElse(null);
    }

    private UserAccount me(Principal who) {
        return accounts.findByEmail(who.getName()).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
