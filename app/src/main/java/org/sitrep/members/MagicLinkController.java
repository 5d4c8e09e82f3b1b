package org.sitrep.members;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.sitrep.common.ReturnPath;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-up and sign-in by emailed link. Every request for a link gets the same answer whether or
 * not the address has an account, so the form tells no one who reads here. Following the link
 * shows a button that signs in (a POST), so mail scanners that open links do not use them up.
 */
@Controller
class MagicLinkController {
    private final MagicLinks links;
    private final SignInMail mail;
    private final Throttle throttle;
    private final ReaderAccounts readers;
    private final ClientAddress clients;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    MagicLinkController(
            MagicLinks links, SignInMail mail, Throttle throttle, ReaderAccounts readers, ClientAddress clients) {
        this.clients = clients;
        this.links = links;
        this.mail = mail;
        this.throttle = throttle;
        this.readers = readers;
    }

    @GetMapping("/join")
    String join(@RequestParam(name = "next", required = false) String next, HttpServletRequest request, Model model) {
        model.addAttribute("next", SignInController.returnTo(next, request));
        return "members/join";
    }

    @PostMapping("/join")
    String joinPost(
            @RequestParam(name = "email", defaultValue = "") String email,
            @RequestParam(name = "displayName", required = false) String displayName,
            @RequestParam(name = "newsletter", required = false) List<String> newsletters,
            @RequestParam(name = "next", required = false) String next,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return requestLink(email, displayName, newsletters, next, request, response, model, "members/join");
    }

    @PostMapping("/signin/email")
    String signInByEmail(
            @RequestParam(name = "email", defaultValue = "") String email,
            @RequestParam(name = "next", required = false) String next,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return requestLink(email, null, null, next, request, response, model, "members/signin");
    }

    private String requestLink(
            String email,
            String displayName,
            List<String> newsletters,
            String rawNext,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            String formView) {
        String next = ReturnPath.of(rawNext).orElse(null);
        model.addAttribute("next", next);
        String e = UserAccounts.normalise(email);
        if (!e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || e.length() > 320) {
            // A malformed address says nothing about who has an account.
            model.addAttribute("linkError", "Enter a valid email address, like name@example.org.");
            model.addAttribute("email", email);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return formView;
        }
        Optional<Duration> wait = throttle.linkRefusal(e, clients.of(request));
        if (wait.isPresent()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(
                    "Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
            return "members/too-many";
        }
        // Disabled accounts get no mail, but the same answer.
        if (!readers.disabledAccount(e)) mail.send(e, links.issue(e, displayName, newsletters), next);
        return "members/link-sent";
    }

    @GetMapping("/signin/link")
    String confirm(
            @RequestParam(name = "token", defaultValue = "") String token,
            @RequestParam(name = "next", required = false) String next,
            Model model,
            HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer"); // the token is in this page's address
        if (!links.usable(token)) {
            response.setStatus(HttpStatus.GONE.value());
            return "members/link-invalid";
        }
        model.addAttribute("token", token);
        model.addAttribute("next", ReturnPath.of(next).orElse(null));
        return "members/link-confirm";
    }

    @PostMapping("/signin/link")
    String signIn(
            @RequestParam(name = "token", defaultValue = "") String token,
            @RequestParam(name = "next", required = false) String next,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<ReaderAccounts.Reader> reader = links.redeem(token);
        if (reader.isEmpty()) {
            response.setStatus(HttpStatus.GONE.value());
            return "members/link-invalid";
        }
        ReaderAccounts.Reader r = reader.get();
        UserDetails principal = User.withUsername(r.email())
                .password("")
                .authorities("ROLE_" + r.role().name())
                .build();
        Authentication auth =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        // A new session id on sign-in, so a session id planted before it is worth nothing after.
        if (request.getSession(false) != null) request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        request.getSession().setAttribute(SessionEpochFilter.ATTRIBUTE, readers.sessionEpoch(r.email()));
        // Back to the page the reader was on when they asked for the link, else staff to their desk, readers to their
        // account.
        return "redirect:" + SignedInLanding.landing(next, Desk.of(r.role()));
    }
}
