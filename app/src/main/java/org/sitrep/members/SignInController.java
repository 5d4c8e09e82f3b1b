package org.sitrep.members;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security checks the form it posts and signs people out at /signout. */
@Controller
class SignInController {
    @GetMapping("/signin")
    String signIn() {
        return "members/signin";
    }
}
