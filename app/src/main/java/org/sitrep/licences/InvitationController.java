package org.sitrep.licences;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.sitrep.members.ReaderAccounts;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The invitation link. Opening it uses nothing (mail scanners open links); a signed-in reader
 * takes the seat with a button (a POST). A reader who is not signed in is asked to join or sign
 * in first; the token waits in their session, as sign-in never returns to an address carrying a
 * token, and they come back here to take the seat.
 */
@Controller
class InvitationController {
    static final String PENDING = "licences.invitation";

    private final Invitations invitations;
    private final ReaderAccounts readers;

    InvitationController(Invitations invitations, ReaderAccounts readers) {
        this.invitations = invitations;
        this.readers = readers;
    }

    @GetMapping("/licences/invitation")
    String open(
            @RequestParam(name = "token", required = false) String token,
            Authentication auth,
            HttpSession session,
            HttpServletResponse response,
            Model model) {
        return LinkPages.open(
                token,
                PENDING,
                invitations::usable,
                "invitation",
                "invitation",
                "licences/invitation",
                Readers.of(auth, readers).isPresent(),
                session,
                response,
                model);
    }

    @PostMapping("/licences/invitation")
    String accept(
            Authentication auth,
            HttpSession session,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Optional<ReaderAccounts.Reader> me = Readers.of(auth, readers);
        if (me.isEmpty()) return "redirect:/licences/invitation";
        String token = (String) session.getAttribute(PENDING);
        Invitations.Outcome outcome = invitations.accept(token, me.get().id());
        switch (outcome) {
            case JOINED, ALREADY_A_MEMBER -> {
                session.removeAttribute(PENDING);
                redirect.addFlashAttribute(
                        "notice",
                        outcome == Invitations.Outcome.JOINED
                                ? "You have a seat: you read everything through your organisation's licence."
                                : "You already have a seat of this licence.");
                return "redirect:/account";
            }
            case NO_SEAT_FREE -> {
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute(
                        "error",
                        "Every seat of this licence is taken. Ask the person who invited you to free or buy one; "
                                + "this link still works until it expires.");
                return open(null, auth, session, response, model);
            }
            default -> {
                return LinkPages.gone(PENDING, "invitation", session, response, model);
            }
        }
    }
}
