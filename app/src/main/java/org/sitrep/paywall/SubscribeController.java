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

    SubscribeController(Plans plans, Paywall paywall) {
        this.plans = plans;
        this.paywall = paywall;
    }

    @GetMapping("/subscribe")
    String subscribe(Model model) {
        model.addAttribute("plans", plans.active());
        model.addAttribute("offer", paywall.offer());
        model.addAttribute("free", paywall.freePerMonth());
        return "members/subscribe";
    }
}
