package org.sitrep.members;

import jakarta.servlet.http.HttpServletRequest;
import org.sitrep.common.ReturnPath;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security checks the form it posts and signs people out at /signout. */
@Controller
class SignInController {
    /**
     * Where a sign-in or join form sends the reader afterwards: its safe {@code next}, else the page of
     * this site the reader came from (links in the paywall's offer, shared by every piece, carry no
     * {@code next}); null for nowhere in particular.
     */
    static String returnTo(String next, HttpServletRequest request) {
        return ReturnPath.of(next)
                .or(() -> ReturnPath.fromReferer(
                        request.getHeader("Referer"), request.getServerName(), request.getServerPort()))
                .orElse(null);
    }

    @GetMapping("/signin")
    String signIn(
            @RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "logout", required = false) String logout,
            @RequestParam(name = "next", required = false) String next,
            HttpServletRequest request,
            Model model) {
        // One message for a wrong password and an unknown email alike: the page must not reveal who has an account.
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", logout != null);
        model.addAttribute("next", returnTo(next, request));
        return "members/signin";
    }
}
