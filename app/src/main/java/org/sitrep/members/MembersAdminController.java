package org.sitrep.members;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.common.SettingsChanged;
import org.sitrep.web.Paging;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The publisher's side of membership (/admin/** needs the ADMIN role): members list and CSV,
 * plans, the paywall's settings and the audit log. Every change is written to the audit log.
 */
@Controller
class MembersAdminController {
    static final int PAGE_SIZE = 50;
    /** The paywall settings the admin edits, with their labels. */
    static final Map<String, String> PAYWALL_SETTINGS = new LinkedHashMap<>();

    static {
        PAYWALL_SETTINGS.put("paywall.free-per-month.visitors", "Free pieces per month for anonymous visitors");
        PAYWALL_SETTINGS.put("paywall.free-per-month.members", "Free pieces per month for free members");
        PAYWALL_SETTINGS.put("paywall.visitor-offer-heading", "Visitors' offer heading (the registration wall)");
        PAYWALL_SETTINGS.put("paywall.visitor-offer-text", "Visitors' offer text");
        PAYWALL_SETTINGS.put("paywall.offer-heading", "Subscribe offer heading");
        PAYWALL_SETTINGS.put("paywall.offer-text", "Subscribe offer text");
        PAYWALL_SETTINGS.put("paywall.price-text", "Price text (the subscribe button)");
    }

    private final MemberDirectory directory;
    private final Plans plans;
    private final SiteSettings settings;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    MembersAdminController(
            MemberDirectory directory,
            Plans plans,
            SiteSettings settings,
            AuditLog audit,
            ApplicationEventPublisher events) {
        this.directory = directory;
        this.plans = plans;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
    }

    @GetMapping("/admin/members")
    String members(
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "role", required = false) String role,
            @RequestParam(name = "plan", required = false) String plan,
            @RequestParam(name = "verified", required = false) String verified,
            @RequestParam(name = "page", defaultValue = "1") String pageParam,
            Model model) {
        MemberDirectory.Filter filter = filter(q, role, plan, verified);
        int page = Paging.pageNumber(pageParam).orElse(1);
        long total = directory.count(filter);
        model.addAttribute("members", directory.find(filter, (page - 1) * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("total", total);
        model.addAttribute("page", page);
        model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("roles", Role.values());
        model.addAttribute("plans", plans.all());
        model.addAttribute("query", query(filter));
        return "members/admin-members";
    }

    @GetMapping("/admin/members.csv")
    ResponseEntity<byte[]> csv(
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "role", required = false) String role,
            @RequestParam(name = "plan", required = false) String plan,
            @RequestParam(name = "verified", required = false) String verified,
            Authentication auth) {
        MemberDirectory.Filter filter = filter(q, role, plan, verified);
        byte[] body = directory.csv(filter).getBytes(StandardCharsets.UTF_8);
        audit.record(auth.getName(), "members.exported", "members", query(filter));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"members.csv\"")
                .body(body);
    }

    @GetMapping("/admin/plans")
    String plans(Model model) {
        model.addAttribute("plans", plans.all());
        model.addAttribute("intervals", Plans.Interval.values());
        model.addAttribute("dataPlans", plans.withDataAccess());
        return "members/admin-plans";
    }

    @PostMapping("/admin/plans")
    String savePlan(
            @RequestParam(name = "id", required = false) Long id,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "price", defaultValue = "") String price,
            @RequestParam(name = "currency", defaultValue = "USD") String currency,
            @RequestParam(name = "interval", defaultValue = "") String interval,
            @RequestParam(name = "active", defaultValue = "false") boolean active,
            @RequestParam(name = "dataAccess", defaultValue = "false") boolean dataAccess,
            Authentication auth,
            RedirectAttributes redirect) {
        try {
            Plans.Plan saved = plans.save(id, name, price, currency, interval, active);
            plans.setDataAccess(saved.id(), dataAccess);
            audit.record(
                    auth.getName(),
                    id == null ? "plan.created" : "plan.updated",
                    "plan:" + saved.code(),
                    saved.name() + " " + saved.price() + "/" + saved.per() + (saved.active() ? "" : " (inactive)")
                            + (dataAccess ? ", data API" : ""));
            redirect.addFlashAttribute("notice", "Plan " + saved.name() + " saved.");
        } catch (UserAccounts.AccountProblem e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/plans";
    }

    @GetMapping("/admin/paywall")
    String paywall(Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        PAYWALL_SETTINGS.keySet().forEach(k -> values.put(k, settings.get(k, "")));
        model.addAttribute("labels", PAYWALL_SETTINGS);
        model.addAttribute("values", values);
        return "members/admin-paywall";
    }

    @PostMapping("/admin/paywall")
    String savePaywall(@RequestParam Map<String, String> form, Authentication auth, RedirectAttributes redirect) {
        for (String allowance : List.of("paywall.free-per-month.visitors", "paywall.free-per-month.members")) {
            if (!form.getOrDefault(allowance, "").strip().matches("\\d{1,3}")) {
                redirect.addFlashAttribute("error", "Free pieces per month must be a whole number from 0 to 999.");
                return "redirect:/admin/paywall";
            }
        }
        StringBuilder changed = new StringBuilder();
        Set<String> names = new LinkedHashSet<>();
        for (String key : PAYWALL_SETTINGS.keySet()) {
            String value = form.getOrDefault(key, "").strip();
            if (value.length() > 1000) value = value.substring(0, 1000);
            if (!value.equals(settings.get(key, ""))) {
                settings.put(key, value);
                changed.append(key).append('=').append(value).append("; ");
                names.add(key);
            }
        }
        if (!changed.isEmpty()) {
            audit.record(
                    auth.getName(),
                    "paywall.updated",
                    "settings",
                    changed.toString().trim());
            events.publishEvent(new SettingsChanged(names)); // cached article pages carry the old offer
        }
        redirect.addFlashAttribute("notice", "Paywall settings saved.");
        return "redirect:/admin/paywall";
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(name = "page", defaultValue = "1") String pageParam, Model model) {
        int page = Paging.pageNumber(pageParam).orElse(1);
        model.addAttribute("entries", audit.recent((page - 1) * PAGE_SIZE, PAGE_SIZE + 1));
        model.addAttribute("page", page);
        model.addAttribute("pageSize", PAGE_SIZE);
        return "members/admin-audit";
    }

    private static MemberDirectory.Filter filter(String q, String role, String plan, String verified) {
        String r = role == null || role.isBlank() ? null : role.strip().toUpperCase(java.util.Locale.ROOT);
        if (r != null
                && java.util.Arrays.stream(Role.values())
                        .noneMatch(x -> x.name().equals(r)))
            return new MemberDirectory.Filter(q, "NONE", plan, verified);
        return new MemberDirectory.Filter(
                q == null ? null : q.strip(),
                r,
                plan == null || plan.isBlank() ? null : plan.strip(),
                "yes".equals(verified) || "no".equals(verified) ? verified : null);
    }

    private static String query(MemberDirectory.Filter f) {
        StringBuilder s = new StringBuilder();
        append(s, "q", f.q());
        append(s, "role", f.role());
        append(s, "plan", f.plan());
        append(s, "verified", f.verified());
        return s.toString();
    }

    private static void append(StringBuilder s, String name, String value) {
        if (value == null || value.isBlank()) return;
        s.append(s.isEmpty() ? "" : "&")
                .append(name)
                .append('=')
                .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
