package org.sitrep.members;

import org.sitrep.common.ReturnPath;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Offline "test payments" (see {@link TestPayments}): a signed-in reader subscribes or cancels with
 * one click and no money moves, to try the whole flow on a laptop. On only for the embedded default
 * without Stripe: switched on in production it would give subscriptions away.
 */
@Controller
class TestPaymentsController {
    private final Subscriptions subscriptions;
    private final ReaderAccounts readers;
    private final boolean enabled;

    TestPaymentsController(Subscriptions subscriptions, ReaderAccounts readers, TestPayments testPayments) {
        this.subscriptions = subscriptions;
        this.readers = readers;
        this.enabled = testPayments.enabled();
    }

    @PostMapping("/subscribe/test")
    String subscribe(
            @RequestParam(name = "plan", defaultValue = "") String plan,
            @RequestParam(name = "next", required = false) String next,
            Authentication auth,
            RedirectAttributes redirect) {
        ReaderAccounts.Reader r = reader(auth);
        // Join first, then back to the plans, then back to the page the reader was on.
        if (r == null) return "redirect:" + ReturnPath.link("/join", ReturnPath.link("/subscribe", next));
        if (r.subscriber()) {
            redirect.addFlashAttribute("notice", "You already subscribe.");
            return "redirect:/account";
        }
        try {
            Subscriptions.Subscription s = subscriptions.start(r.id(), plan, Subscriptions.State.ACTIVE, "TEST", null);
            redirect.addFlashAttribute(
                    "notice", "Test payment accepted (no money moved): you subscribe to " + s.planName() + ".");
            // Back to the piece the reader was reading, now in full.
            if (ReturnPath.of(next).isPresent()) return "redirect:" + next;
        } catch (UserAccounts.AccountProblem e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account";
    }

    @PostMapping("/subscribe/test/cancel")
    String cancel(Authentication auth, RedirectAttributes redirect) {
        ReaderAccounts.Reader r = reader(auth);
        if (r == null) return "redirect:/signin";
        subscriptions
                .current(r.id())
                .filter(s -> "TEST".equals(s.provider()) && s.state().paying())
                .ifPresent(s -> {
                    subscriptions.move(s.id(), Subscriptions.State.CANCELED);
                    redirect.addFlashAttribute(
                            "notice", "Cancelled: you keep reading everything until the period ends.");
                });
        return "redirect:/account";
    }

    private ReaderAccounts.Reader reader(Authentication auth) {
        if (!enabled) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) return null;
        return readers.find(auth.getName()).orElse(null);
    }
}
