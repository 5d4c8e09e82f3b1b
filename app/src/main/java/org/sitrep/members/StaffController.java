package org.sitrep.members;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators add editors, analysts (and other administrators) here; /admin/** needs the ADMIN role. */
@Controller
class StaffController {
    private final UserAccounts accounts;
    private final AuditLog audit;

    StaffController(UserAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping("/admin/staff")
    String staff(Model model) {
        model.addAttribute("staff", accounts.staff());
        model.addAttribute("minLength", UserAccounts.MIN_PASSWORD_LENGTH);
        return "members/staff";
    }

    @PostMapping("/admin/staff")
    String add(
            @RequestParam("email") String email,
            @RequestParam(name = "displayName", required = false) String displayName,
            @RequestParam("password") String password,
            @RequestParam(name = "role", defaultValue = "EDITOR") String role,
            Model model,
            RedirectAttributes redirect,
            org.springframework.security.core.Authentication auth) {
        Role chosen =
                switch (role) {
                    case "ADMIN" -> Role.ADMIN;
                    case "ANALYST" -> Role.ANALYST; // reviews events on the tracker; no newsroom
                    default -> Role.EDITOR;
                };
        try {
            UserAccount added = accounts.create(email, displayName, password, chosen);
            audit.record(auth == null ? null : auth.getName(), "staff.added", added.email(), chosen.name());
            redirect.addFlashAttribute(
                    "notice",
                    added.email() + " can now sign in as " + chosen.name().toLowerCase() + ".");
            return "redirect:/admin/staff";
        } catch (UserAccounts.AccountProblem e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("email", email);
            model.addAttribute("displayName", displayName);
            return staff(model);
        }
    }
}
