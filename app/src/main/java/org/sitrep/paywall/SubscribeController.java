package org.sitrep.paywall;

import jakarta.servlet.http.HttpServletRequest;
import org.sitrep.common.ReturnPath;
import org.sitrep.members.Plans;
import org.sitrep.members.TestPayments;
import org.sitrep.payments.StripeCheckout;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page the offer links to: the plans on sale, in the publisher's words; checkout is payments' (Stripe) or members' test payments. */
@Controller
class SubscribeController {
    private final Plans plans;
    private final Paywall paywall;

    private final boolean testMode;
    private final StripeCheckout stripe;

    SubscribeController(Plans plans, Paywall paywall, TestPayments testPayments, StripeCheckout stripe) {
        this.plans = plans;
        this.paywall = paywall;
        this.testMode = testPayments.enabled();
        this.stripe = stripe;
    }

    @GetMapping("/subscribe")
    String subscribe(
            @RequestParam(name = "next", required = false) String next, HttpServletRequest request, Model model) {
        // Where to return once subscribed: the link's next, else the page of this site the reader came from (the
        // offer's link).
        model.addAttribute(
                "next",
                ReturnPath.of(next)
                        .or(() -> ReturnPath.fromReferer(
                                request.getHeader("Referer"), request.getServerName(), request.getServerPort()))
                        .orElse(null));
        model.addAttribute("plans", plans.active());
        model.addAttribute("offer", paywall.offer());
        model.addAttribute("free", paywall.freeForMembers());
        model.addAttribute("testMode", testMode);
        model.addAttribute("stripe", stripe.configured());
        return "members/subscribe";
    }
}
