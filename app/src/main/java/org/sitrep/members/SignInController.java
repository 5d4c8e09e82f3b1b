package org.sitrep.members;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security checks the form it posts and signs people out at /signout. */
@Controller
class SignInController {
    @GetMapping("/signin")
    String signIn(@RequestParam(name = "error", required = false) String error,
                  @RequestParam(name = "logout", required = false) String logout, Model model) {
        // One message for a wrong password and an unknown email alike: the page must not reveal who has an account.
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", logout != null);
        return "members/signin";
    }
}
