package org.sitrep.paywall;

import org.sitrep.members.Plans;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page the offer links to: the plans on sale, in the publisher's words. Checkout comes with payments. */
@Controller
class SubscribeController {
    private final Plans plans;
    private final Paywall paywall;

    private final boolean testMode;
    private final org.sitrep.payments.StripeCheckout stripe;

    SubscribeController(Plans plans, Paywall paywall,
                        org.sitrep.members.TestPayments testPayments,
                        org.sitrep.payments.StripeCheckout stripe) {
        this.plans = plans;
        this.paywall = paywall;
        this.testMode = testPayments.enabled();
        this.stripe = stripe;
    }

    @GetMapping("/subscribe")
    String subscribe(@org.springframework.web.bind.annotation.RequestParam(name = "next", required = false) String next,
                     jakarta.servlet.http.HttpServletRequest request, Model model) {
        // Where to return once subscribed: the link's next, else the page of this site the reader came from (the offer's link).
        model.addAttribute("next", org.sitrep.common.ReturnPath.of(next).or(() -> org.sitrep.common.ReturnPath.fromReferer(
                request.getHeader("Referer"), request.getServerName(), request.getServerPort())).orElse(null));
        model.addAttribute("plans", plans.active());
        model.addAttribute("offer", paywall.offer());
        model.addAttribute("free", paywall.freePerMonth());
        model.addAttribute("testMode", testMode);
        model.addAttribute("stripe", stripe.configured());
        return "members/subscribe";
    }
}
