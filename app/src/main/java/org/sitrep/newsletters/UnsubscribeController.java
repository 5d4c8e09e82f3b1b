package org.sitrep.newsletters;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One-click unsubscribe (RFC 8058). The mail's List-Unsubscribe address carries a signed token:
 * a mail client POSTs to it ("List-Unsubscribe=One-Click", no cookies, no CSRF token — CSRF is
 * off for this path) and the reader is out. Opening it in a browser (GET) only shows a button,
 * so link scanners that fetch every address in a mail unsubscribe nobody.
 */
@Controller
class UnsubscribeController {
    private final UnsubscribeTokens tokens;
    private final Newsletters newsletters;

    UnsubscribeController(UnsubscribeTokens tokens, Newsletters newsletters) {
        this.tokens = tokens;
        this.newsletters = newsletters;
    }

    @GetMapping("/newsletters/unsubscribe")
    String confirm(
            @RequestParam(name = "token", defaultValue = "") String token, Model model, HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer"); // the token is in this page's address
        Optional<Newsletter> newsletter = newsletterOf(token);
        if (newsletter.isEmpty()) return invalid(response);
        model.addAttribute("newsletter", newsletter.get());
        model.addAttribute("token", token);
        model.addAttribute("done", false);
        return "newsletters/unsubscribe";
    }

    @PostMapping("/newsletters/unsubscribe")
    String unsubscribe(
            @RequestParam(name = "token", defaultValue = "") String token, Model model, HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        Optional<UnsubscribeTokens.Unsubscribe> who = tokens.read(token);
        Optional<Newsletter> newsletter = newsletterOf(token);
        if (who.isEmpty() || newsletter.isEmpty()) return invalid(response);
        newsletters.optOut(who.get().userId(), who.get().newsletterId()); // already out (a second click) is fine
        model.addAttribute("newsletter", newsletter.get());
        model.addAttribute("done", true);
        return "newsletters/unsubscribe";
    }

    private Optional<Newsletter> newsletterOf(String token) {
        return tokens.read(token).flatMap(u -> newsletters.byId(u.newsletterId()));
    }

    private String invalid(HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "newsletters/unsubscribe-invalid";
    }
}
