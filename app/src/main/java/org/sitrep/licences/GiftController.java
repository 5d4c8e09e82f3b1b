package org.sitrep.licences;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.sitrep.members.ReaderAccounts;
import org.sitrep.members.TestPayments;
import org.sitrep.payments.StripeCheckout;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Buying a gift (no account needed: the buyer gives two addresses) and redeeming it by the link in
 * the recipient's mail. As with invitations, opening the link uses nothing; a signed-in reader
 * redeems with a button, and a reader not signed in joins or signs in first (the token waits in the session).
 */
@Controller
class GiftController {
    static final String PENDING = "licences.gift";

    private final Gifts gifts;
    private final ReaderAccounts readers;
    private final boolean testMode;
    private final StripeCheckout stripe;

    GiftController(Gifts gifts, ReaderAccounts readers, TestPayments testPayments, StripeCheckout stripe) {
        this.gifts = gifts;
        this.readers = readers;
        this.testMode = testPayments.enabled();
        this.stripe = stripe;
    }

    @GetMapping("/gift")
    String form(Model model) {
        model.addAttribute("plan", gifts.giftPlan().orElse(null));
        model.addAttribute("testMode", testMode);
        return "licences/gift";
    }

    @PostMapping("/gift")
    String buy(
            @RequestParam(name = "buyer", defaultValue = "") String buyer,
            @RequestParam(name = "recipient", defaultValue = "") String recipient,
            @RequestParam(name = "message", required = false) String message,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("plan", gifts.giftPlan().orElse(null));
        model.addAttribute("testMode", testMode);
        boolean byStripe = !testMode && stripe.configured();
        if (!testMode && !byStripe) {
            // Neither test payments nor Stripe: nothing is sold that cannot be paid for.
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("error", "Gifts cannot be bought online on this server.");
            return "licences/gift";
        }
        try {
            if (byStripe) {
                // Recorded unpaid; Stripe's webhook pays it and only then is the recipient mailed.
                long id = gifts.ordered(buyer, recipient, message);
                Gifts.Order order = gifts.unpaid(id).orElseThrow();
                return "redirect:" + stripe.checkoutGift(id, order.buyer(), order.plan());
            }
            gifts.bought(buyer, recipient, message, "TEST");
        } catch (StripeCheckout.Unavailable e) {
            org.slf4j.LoggerFactory.getLogger(GiftController.class).error(e.getMessage());
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("error", "Payment is unavailable just now. Please try again in a few minutes.");
            return "licences/gift";
        } catch (Organisations.Refused e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("buyer", buyer);
            model.addAttribute("recipient", recipient);
            model.addAttribute("message", message);
            return "licences/gift";
        }
        model.addAttribute("recipient", recipient.strip());
        return "licences/gift-sent";
    }

    /** Where Stripe sends the buyer back: the mails go once Stripe confirms the payment (its webhook). */
    @GetMapping("/gift/paid")
    String paid(Model model) {
        model.addAttribute("recipient", null);
        return "licences/gift-sent";
    }

    @GetMapping("/gift/redeem")
    String open(
            @RequestParam(name = "token", required = false) String token,
            Authentication auth,
            HttpSession session,
            HttpServletResponse response,
            Model model) {
        return LinkPages.open(
                token,
                PENDING,
                gifts::redeemable,
                "gift",
                "gift",
                "licences/redeem",
                Readers.of(auth, readers).isPresent(),
                session,
                response,
                model);
    }

    @PostMapping("/gift/redeem")
    String redeem(
            Authentication auth,
            HttpSession session,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Optional<ReaderAccounts.Reader> me = Readers.of(auth, readers);
        if (me.isEmpty()) return "redirect:/gift/redeem";
        Gifts.Outcome outcome =
                gifts.redeem((String) session.getAttribute(PENDING), me.get().id());
        switch (outcome) {
            case REDEEMED -> {
                session.removeAttribute(PENDING);
                redirect.addFlashAttribute("notice", "Gift redeemed: you subscribe for a year.");
                return "redirect:/account";
            }
            case ALREADY_SUBSCRIBED -> {
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute(
                        "error", "You already subscribe. Keep this link and redeem it when your subscription ends.");
                return open(null, auth, session, response, model);
            }
            default -> {
                return LinkPages.gone(PENDING, "gift", session, response, model);
            }
        }
    }
}
