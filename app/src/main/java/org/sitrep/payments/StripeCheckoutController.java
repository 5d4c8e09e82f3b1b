package org.sitrep.payments;

import org.sitrep.common.ReturnPath;
import org.sitrep.members.Plans;
import org.sitrep.members.ReaderAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sends a signed-in reader to Stripe Checkout for a plan, or to Stripe's billing portal. */
@Controller
class StripeCheckoutController {
    private static final Logger log = LoggerFactory.getLogger(StripeCheckoutController.class);

    private final StripeCheckout stripe;
    private final Plans plans;
    private final ReaderAccounts readers;

    StripeCheckoutController(StripeCheckout stripe, Plans plans, ReaderAccounts readers) {
        this.stripe = stripe;
        this.plans = plans;
        this.readers = readers;
    }

    @PostMapping("/subscribe/checkout")
    String checkout(
            @RequestParam(name = "plan", defaultValue = "") String code,
            @RequestParam(name = "next", required = false) String next,
            Authentication auth,
            RedirectAttributes redirect) {
        if (!stripe.configured()) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        ReaderAccounts.Reader reader = reader(auth);
        // Join first, then back to the plans, then back to the page the reader was on.
        if (reader == null) return "redirect:" + ReturnPath.link("/join", ReturnPath.link("/subscribe", next));
        Plans.Plan plan = plans.active().stream()
                .filter(p -> p.code().equals(code))
                .findFirst()
                .orElse(null);
        if (plan == null) {
            redirect.addFlashAttribute("error", "That plan is not offered.");
            return "redirect:" + ReturnPath.link("/subscribe", next);
        }
        try {
            return "redirect:" + stripe.checkout(reader, plan, next);
        } catch (StripeCheckout.Unavailable e) {
            log.error(e.getMessage());
            redirect.addFlashAttribute("error", "Payment is unavailable just now. Please try again in a few minutes.");
            return "redirect:/subscribe";
        }
    }

    @PostMapping("/account/billing")
    String billing(Authentication auth, RedirectAttributes redirect) {
        if (!stripe.configured()) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        ReaderAccounts.Reader reader = reader(auth);
        if (reader == null) return "redirect:/signin";
        try {
            String url = stripe.portal(reader.id());
            if (url != null) return "redirect:" + url;
            redirect.addFlashAttribute("error", "There is no card subscription to manage.");
        } catch (StripeCheckout.Unavailable e) {
            log.error(e.getMessage());
            redirect.addFlashAttribute("error", "Billing is unavailable just now. Please try again in a few minutes.");
        }
        return "redirect:/account";
    }

    private ReaderAccounts.Reader reader(Authentication auth) {
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) return null;
        return readers.find(auth.getName()).orElse(null);
    }
}
