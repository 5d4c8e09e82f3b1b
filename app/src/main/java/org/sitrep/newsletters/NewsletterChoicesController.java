package org.sitrep.newsletters;

import java.util.List;
import org.sitrep.members.ReaderAccounts;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A reader opts in and out of newsletters on their account page (/account/** needs sign-in). */
@Controller
class NewsletterChoicesController {
    private final Newsletters newsletters;
    private final ReaderAccounts readers;

    NewsletterChoicesController(Newsletters newsletters, ReaderAccounts readers) {
        this.newsletters = newsletters;
        this.readers = readers;
    }

    @PostMapping("/account/newsletters")
    String choose(
            @RequestParam(name = "newsletter", required = false) List<String> chosen,
            @RequestParam java.util.Map<String, String> form,
            Authentication auth,
            RedirectAttributes redirect) {
        ReaderAccounts.Reader reader =
                readers.find(auth.getName()).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        // "language-daily-brief=ar": the language of each newsletter (Newsletters ignores codes that are no edition's).
        java.util.Map<String, String> languages = new java.util.HashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("language-")) languages.put(name.substring("language-".length()), value);
        });
        newsletters.choose(reader.id(), chosen == null ? List.of() : chosen, languages);
        redirect.addFlashAttribute("notice", "Your newsletters are saved.");
        return "redirect:/account";
    }
}
