package org.sitrep.members;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A reader's own account: profile, password, sign out everywhere, export and deletion. */
@Controller
class AccountController {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ReaderAccounts readers;
    private final Subscriptions subscriptions;
    private final Entitlements entitlements;

    AccountController(ReaderAccounts readers, Subscriptions subscriptions, Entitlements entitlements) {
        this.entitlements = entitlements;
        this.readers = readers;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/account")
    String account(Authentication auth, Model model) {
        ReaderAccounts.Reader r = me(auth);
        model.addAttribute("reader", r);
        model.addAttribute("subscription", subscriptions.current(r.id()).orElse(null));
        model.addAttribute(
                "grantedBy",
                entitlements.grantedBy(r.id(), r.email(), r.verified()).orElse(null));
        model.addAttribute("minLength", UserAccounts.MIN_PASSWORD_LENGTH);
        return "members/account";
    }

    @PostMapping("/account/profile")
    String profile(
            Authentication auth,
            @RequestParam(name = "displayName", defaultValue = "") String name,
            RedirectAttributes redirect) {
        try {
            readers.rename(me(auth).id(), name);
            redirect.addFlashAttribute("notice", "Your name is saved.");
        } catch (UserAccounts.AccountProblem e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/password")
    String password(
            Authentication auth,
            @RequestParam(name = "password", defaultValue = "") String password,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            ReaderAccounts.Reader r = me(auth);
            readers.setPassword(r.id(), password);
            // Every other session has ended; this one, where the password was just typed, carries on.
            HttpSession session = request.getSession(false);
            if (session != null) session.setAttribute(SessionEpochFilter.ATTRIBUTE, readers.sessionEpoch(r.email()));
            redirect.addFlashAttribute("notice", "Your password is set: you can sign in with it or by email link.");
        } catch (UserAccounts.AccountProblem e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/signout-everywhere")
    String signOutEverywhere(Authentication auth, HttpServletRequest request) {
        readers.signOutEverywhere(me(auth).id());
        HttpSession session = request.getSession(false);
        if (session != null) session.invalidate();
        SecurityContextHolder.clearContext();
        return "redirect:/signin?logout";
    }

    @GetMapping("/account/export")
    ResponseEntity<byte[]> export(Authentication auth) throws Exception {
        byte[] body = JSON.writeValueAsString(readers.export(me(auth).id())).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"my-sitrep-data.json\"")
                .body(body);
    }

    @PostMapping("/account/delete")
    String delete(
            Authentication auth,
            @RequestParam(name = "confirmEmail", defaultValue = "") String confirm,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        ReaderAccounts.Reader r = me(auth);
        if (!UserAccounts.normalise(confirm).equals(r.email())) {
            redirect.addFlashAttribute(
                    "error", "Type your email address to confirm that the account should be deleted.");
            return "redirect:/account";
        }
        try {
            readers.delete(r.id());
        } catch (UserAccounts.AccountProblem e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/account";
        }
        HttpSession session = request.getSession(false);
        if (session != null) session.invalidate();
        SecurityContextHolder.clearContext();
        return "redirect:/account/deleted";
    }

    @GetMapping("/account/deleted")
    String deleted() {
        return "members/deleted";
    }

    private ReaderAccounts.Reader me(Authentication auth) {
        // /account/** requires sign-in, and the session filter has ended sessions of deleted accounts.
        return readers.find(auth.getName())
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.UNAUTHORIZED));
    }
}
