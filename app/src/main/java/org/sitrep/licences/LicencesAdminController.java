package org.sitrep.licences;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.sitrep.common.SitrepProperties;
import org.sitrep.members.AuditLog;
import org.springframework.http.HttpStatus;
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
 * The publisher's view of institutions ({@code /admin/licences}, administrators only): every
 * organisation with its seats, its site licence's ranges and end, the domains that join by
 * themselves, and reads through the site licence by month (for the renewal). Every change is audited.
 */
@Controller
class LicencesAdminController {
    /** One organisation as the admin page lists it. */
    record Row(
            Organisations.Organisation organisation,
            int seatsUsed,
            int seatsBought,
            boolean teamPays,
            List<SiteLicences.Range> ranges,
            List<String> domains,
            List<SiteLicences.Usage> usage) {}

    private final Organisations organisations;
    private final SiteLicences sites;
    private final AuditLog audit;
    private final SitrepProperties properties;

    LicencesAdminController(
            Organisations organisations, SiteLicences sites, AuditLog audit, SitrepProperties properties) {
        this.organisations = organisations;
        this.sites = sites;
        this.audit = audit;
        this.properties = properties;
    }

    @GetMapping("/admin/licences")
    String list(Model model) {
        model.addAttribute(
                "rows",
                organisations.all().stream()
                        .map(o -> new Row(
                                o,
                                organisations.seatsUsed(o.id()),
                                organisations.seatsBought(o),
                                organisations.teamLicencePays(o),
                                sites.ranges(o.id()),
                                organisations.domains(o.id()),
                                sites.usage(o.id())))
                        .toList());
        model.addAttribute("zone", properties.zone());
        return "licences/admin";
    }

    @PostMapping("/admin/licences")
    String create(
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "until", defaultValue = "") String until,
            Authentication auth,
            RedirectAttributes redirect) {
        return change(redirect, () -> {
            Organisations.Organisation o = organisations.createForSite(name, endOf(until));
            audit.record(
                    auth.getName(),
                    "licence.created",
                    "organisation#" + o.id(),
                    o.name() + ", site licence until " + until);
            return "Organisation " + o.name() + " created. Add its address ranges below.";
        });
    }

    @PostMapping("/admin/licences/{id}/until")
    String until(
            @PathVariable("id") long id,
            @RequestParam(name = "until", defaultValue = "") String until,
            Authentication auth,
            RedirectAttributes redirect) {
        return change(redirect, () -> {
            Organisations.Organisation o = existing(id);
            organisations.setSiteLicenceUntil(o.id(), until.isBlank() ? null : endOf(until));
            sites.reload();
            audit.record(
                    auth.getName(), "licence.site-until", "organisation#" + o.id(), until.isBlank() ? "ended" : until);
            return until.isBlank()
                    ? "Site licence of " + o.name() + " ended."
                    : "Site licence of " + o.name() + " runs until " + until + ".";
        });
    }

    @PostMapping("/admin/licences/{id}/ranges")
    String addRange(
            @PathVariable("id") long id,
            @RequestParam(name = "cidr", defaultValue = "") String cidr,
            Authentication auth,
            RedirectAttributes redirect) {
        return change(redirect, () -> {
            Organisations.Organisation o = existing(id);
            SiteLicences.Range r = sites.addRange(o.id(), cidr);
            audit.record(auth.getName(), "licence.range-added", "organisation#" + o.id(), r.cidr());
            return "Range " + r.cidr() + " added to " + o.name() + ".";
        });
    }

    @PostMapping("/admin/licences/{id}/ranges/{range}/remove")
    String removeRange(
            @PathVariable("id") long id,
            @PathVariable("range") long range,
            Authentication auth,
            RedirectAttributes redirect) {
        return change(redirect, () -> {
            Organisations.Organisation o = existing(id);
            sites.removeRange(o.id(), range);
            audit.record(auth.getName(), "licence.range-removed", "organisation#" + o.id(), "range#" + range);
            return "Range removed.";
        });
    }

    @PostMapping("/admin/licences/{id}/domains")
    String addDomain(
            @PathVariable("id") long id,
            @RequestParam(name = "domain", defaultValue = "") String domain,
            Authentication auth,
            RedirectAttributes redirect) {
        return change(redirect, () -> {
            Organisations.Organisation o = existing(id);
            String d = organisations.addDomain(o.id(), domain);
            audit.record(auth.getName(), "licence.domain-added", "organisation#" + o.id(), d);
            return "Verified addresses at " + d + " now join " + o.name() + " while a seat is free.";
        });
    }

    @PostMapping("/admin/licences/{id}/domains/remove")
    String removeDomain(
            @PathVariable("id") long id,
            @RequestParam(name = "domain", defaultValue = "") String domain,
            Authentication auth,
            RedirectAttributes redirect) {
        return change(redirect, () -> {
            Organisations.Organisation o = existing(id);
            organisations.removeDomain(o.id(), domain);
            audit.record(auth.getName(), "licence.domain-removed", "organisation#" + o.id(), domain);
            return "Domain removed.";
        });
    }

    private String change(RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (Organisations.Refused e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/licences";
    }

    private Organisations.Organisation existing(long id) {
        return organisations.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The end of a day in the publication's zone: a licence "until 31 December" reads all that day. */
    private java.time.Instant endOf(String date) {
        try {
            return LocalDate.parse(date.strip())
                    .plusDays(1)
                    .atStartOfDay(properties.zone())
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new Organisations.Refused("Enter the date the licence ends, like 2027-12-31.");
        }
    }
}
