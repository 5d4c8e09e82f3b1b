package org.sitrep.api;

import org.sitrep.members.ReaderAccounts;
import org.sitrep.members.UserAccounts;
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

/** The account page's API keys: members with data access make, name and revoke them; a new key is shown once. */
@Controller
class ApiKeysController {
    private final ReaderAccounts readers;
    private final ApiKeys keys;
    private final DataAccess access;

    ApiKeysController(ReaderAccounts readers, ApiKeys keys, DataAccess access) {
        this.readers = readers;
        this.keys = keys;
        this.access = access;
    }

    @GetMapping("/account/api-keys")
    String list(Authentication auth, Model model) {
        ReaderAccounts.Reader me = me(auth);
        model.addAttribute("reader", me);
        model.addAttribute("allowed", access.allowed(me.email()));
        model.addAttribute("keys", keys.of(me.id()));
        return "api/keys";
    }

    @PostMapping("/account/api-keys")
    String create(
            Authentication auth,
            @RequestParam(name = "name", defaultValue = "") String name,
            RedirectAttributes redirect) {
        ReaderAccounts.Reader me = me(auth);
        if (!access.allowed(me.email())) {
            redirect.addFlashAttribute("error", "Your plan does not include the data API.");
            return "redirect:/account/api-keys";
        }
        try {
            ApiKeys.Created created = keys.create(me.id(), me.email(), name);
            // a flash attribute lives for the next request only: the key is shown once and is then gone
            redirect.addFlashAttribute("newKey", created.token());
            redirect.addFlashAttribute(
                    "notice", "Key “" + created.key().name() + "” made. Copy it now: it will not be shown again.");
        } catch (UserAccounts.AccountProblem e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account/api-keys";
    }

    @PostMapping("/account/api-keys/{id}/revoke")
    String revoke(Authentication auth, @PathVariable("id") long id, RedirectAttributes redirect) {
        if (keys.revoke(me(auth).id(), id))
            redirect.addFlashAttribute("notice", "Key revoked: it no longer opens the API.");
        else redirect.addFlashAttribute("error", "That key is not yours or is already revoked.");
        return "redirect:/account/api-keys";
    }

    private ReaderAccounts.Reader me(Authentication auth) {
        return readers.find(auth.getName()).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }
}
