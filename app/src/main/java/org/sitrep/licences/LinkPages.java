package org.sitrep.licences;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * The page of a single-use link from a mail (an invitation, a gift): opening it uses nothing (mail scanners fetch
 * links), the token waits in the session while the reader joins or signs in (sign-in never returns to an address
 * carrying a token), and a button redeems it. One shape for both, so they cannot drift apart.
 */
final class LinkPages {
    private LinkPages() {}

    /**
     * The page for the link's token ({@code token}, else the one waiting in the session under {@code key}): the
     * thing it names under {@code attribute} and {@code view}, or the "link not valid" page (410).
     */
    static <T> String open(
            String token,
            String key,
            Function<String, Optional<T>> find,
            String what,
            String attribute,
            String view,
            boolean signedIn,
            HttpSession session,
            HttpServletResponse response,
            Model model) {
        response.setHeader("Referrer-Policy", "no-referrer"); // the token is in this page's address
        String t = token != null ? token : (String) session.getAttribute(key);
        Optional<T> found = find.apply(t);
        if (found.isEmpty()) return gone(key, what, session, response, model);
        session.setAttribute(key, t);
        model.addAttribute(attribute, found.get());
        model.addAttribute("signedIn", signedIn);
        return view;
    }

    /** The link names nothing usable (forged, used, expired, withdrawn): 410, and it no longer waits in the session. */
    static String gone(String key, String what, HttpSession session, HttpServletResponse response, Model model) {
        session.removeAttribute(key);
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("what", what);
        return "licences/link-invalid";
    }
}
