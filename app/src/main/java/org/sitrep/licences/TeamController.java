package org.sitrep.licences;

import org.sitrep.members.Plans;
import org.sitrep.members.ReaderAccounts;
import org.sitrep.members.TestPayments;
import org.sitrep.payments.StripeCheckout;
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
 * A manager's pages for a team licence: buy one (seats of a plan), see who uses a seat, invite by
 * e-mail, free a seat, buy more. An organisation's page answers 404 to anyone who does not manage it.
 */
@Controller
class TeamController {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TeamController.class);
    private final Organisations organisations;
    private final Invitations invitations;
    private final ReaderAccounts readers;
    private final Plans plans;
    private final boolean testMode;
    private final StripeCheckout stripe;

    TeamController(
            Organisations organisations,
            Invitations invitations,
            ReaderAccounts readers,
            Plans plans,
            TestPayments testPayments,
            StripeCheckout stripe) {
        this.organisations = organisations;
        this.invitations = invitations;
        this.readers = readers;
        this.plans = plans;
        this.testMode = testPayments.enabled();
        this.stripe = stripe;
    }

    @GetMapping("/licences/team")
    String team(Authentication auth, Model model) {
        ReaderAccounts.Reader me = me(auth);
        model.addAttribute("managed", organisations.managedBy(me.id()));
        model.addAttribute("plans", plans.active());
        model.addAttribute("testMode", testMode);
        return "licences/team";
    }

    @PostMapping("/licences/team")
    String buy(
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "plan", defaultValue = "") String plan,
            @RequestParam(name = "seats", defaultValue = "") String seats,
            Authentication auth,
            RedirectAttributes redirect) {
        ReaderAccounts.Reader me = me(auth);
        if (!testMode && stripe.configured()) return checkout(me, name, plan, seats, redirect);
        if (!testMode) {
            // Neither test payments nor Stripe: nothing is sold that cannot be paid for.
            redirect.addFlashAttribute("error", "Team licences cannot be bought online on this server: write to us.");
            return "redirect:/licences/team";
        }
        try {
            Organisations.Organisation o = organisations.buyTeam(me.id(), name, plan, number(seats), "TEST");
            redirect.addFlashAttribute(
                    "notice",
                    "Test payment accepted (no money moved): " + o.name() + " has " + organisations.seatsBought(o)
                            + " seats. Invite your colleagues below.");
            return "redirect:/licences/team/" + o.id();
        } catch (Organisations.Refused e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/licences/team";
        }
    }

    /** Stripe Checkout for the seats; the organisation is made when Stripe's webhook says the licence is paid. */
    private String checkout(
            ReaderAccounts.Reader me, String name, String code, String seats, RedirectAttributes redirect) {
        try {
            int n = number(seats);
            organisations.cannotBuyTeam(name, n).ifPresent(why -> {
                throw new Organisations.Refused(why);
            });
            Plans.Plan plan = plans.active().stream()
                    .filter(p -> p.code().equals(code))
                    .findFirst()
                    .orElseThrow(() -> new Organisations.Refused("That plan is not offered."));
            return "redirect:" + stripe.checkoutTeam(me, plan, n, name.strip());
        } catch (Organisations.Refused e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (StripeCheckout.Unavailable e) {
            log.error(e.getMessage());
            redirect.addFlashAttribute("error", "Payment is unavailable just now. Please try again in a few minutes.");
        }
        return "redirect:/licences/team";
    }

    @GetMapping("/licences/team/{id}")
    String organisation(@PathVariable("id") String id, Authentication auth, Model model) {
        ReaderAccounts.Reader me = me(auth);
        Organisations.Organisation o = managed(id, me);
        model.addAttribute("organisation", o);
        model.addAttribute("seats", organisations.seats(o.id()));
        model.addAttribute("bought", organisations.seatsBought(o));
        model.addAttribute("pays", organisations.teamLicencePays(o));
        model.addAttribute("pending", invitations.pending(o.id()));
        model.addAttribute("me", me.id());
        model.addAttribute("testMode", testMode);
        return "licences/organisation";
    }

    @PostMapping("/licences/team/{id}/invite")
    String invite(
            @PathVariable("id") String id,
            @RequestParam(name = "email", defaultValue = "") String email,
            Authentication auth,
            RedirectAttributes redirect) {
        return act(id, auth, redirect, (o, me) -> {
            invitations.invite(o.id(), me.id(), email);
            return "Invitation sent to " + email.strip() + ".";
        });
    }

    @PostMapping("/licences/team/{id}/free")
    String free(
            @PathVariable("id") String id,
            @RequestParam(name = "user", defaultValue = "") String user,
            Authentication auth,
            RedirectAttributes redirect) {
        return act(id, auth, redirect, (o, me) -> {
            organisations.freeSeat(o.id(), me.id(), id(user));
            return "Seat freed: that reader no longer reads through your licence.";
        });
    }

    @PostMapping("/licences/team/{id}/withdraw")
    String withdraw(
            @PathVariable("id") String id,
            @RequestParam(name = "invitation", defaultValue = "") String invitation,
            Authentication auth,
            RedirectAttributes redirect) {
        return act(id, auth, redirect, (o, me) -> {
            invitations.withdraw(o.id(), me.id(), id(invitation));
            return "Invitation withdrawn.";
        });
    }

    @PostMapping("/licences/team/{id}/seats")
    String buyMore(
            @PathVariable("id") String id,
            @RequestParam(name = "more", defaultValue = "") String more,
            Authentication auth,
            RedirectAttributes redirect) {
        return act(id, auth, redirect, (o, me) -> {
            java.util.Optional<String> atStripe = organisations.stripeSubscription(o);
            if (atStripe.isPresent() && stripe.configured()) {
                int n = number(more);
                int now = organisations.seatsBought(o);
                if (n < 1 || now + n > org.sitrep.members.Subscriptions.MOST_SEATS) {
                    throw new Organisations.Refused(
                            "Choose from 1 to " + (org.sitrep.members.Subscriptions.MOST_SEATS - now) + " more seats.");
                }
                try {
                    stripe.changeSeats(atStripe.get(), now + n);
                } catch (StripeCheckout.Unavailable e) {
                    log.error(e.getMessage());
                    throw new Organisations.Refused(
                            "Payment is unavailable just now. Please try again in a few minutes.");
                }
                return "Stripe is charging for " + n + " more seats: they appear here once it confirms.";
            }
            if (!testMode)
                throw new Organisations.Refused("More seats cannot be bought online for this licence: write to us.");
            organisations.buyMoreSeats(o.id(), me.id(), number(more));
            return "Test payment accepted (no money moved): " + organisations.seatsBought(o) + " seats now.";
        });
    }

    /** One action of a manager on their organisation's page: done with a notice, or refused with the reason; back to the page. */
    private String act(
            String id,
            Authentication auth,
            RedirectAttributes redirect,
            java.util.function.BiFunction<Organisations.Organisation, ReaderAccounts.Reader, String> action) {
        ReaderAccounts.Reader me = me(auth);
        Organisations.Organisation o = managed(id, me);
        try {
            redirect.addFlashAttribute("notice", action.apply(o, me));
        } catch (Organisations.Refused e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/licences/team/" + o.id();
    }

    private Organisations.Organisation managed(String id, ReaderAccounts.Reader me) {
        long orgId;
        try {
            orgId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        // Someone else's organisation is answered as one that does not exist: its name is not theirs to learn.
        if (!organisations.manages(me.id(), orgId)) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        return organisations.find(orgId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private ReaderAccounts.Reader me(Authentication auth) {
        return Readers.of(auth, readers).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }

    private static long id(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new Organisations.Refused("No such seat or invitation.");
        }
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new Organisations.Refused("Enter a whole number.");
        }
    }
}
