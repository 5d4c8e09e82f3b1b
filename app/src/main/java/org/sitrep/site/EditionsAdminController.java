package org.sitrep.site;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.sitrep.web.Language;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator turns editions on and off at /admin/editions (admins only, as all of /admin). */
@Controller
class EditionsAdminController {
    private final Editions editions;

    EditionsAdminController(Editions editions) {
        this.editions = editions;
    }

    /** One language as the settings page lists it. */
    record Choice(Language language, boolean on) {}

    @GetMapping("/admin/editions")
    String form(Model model) {
        Set<Language> on = editions.enabled();
        model.addAttribute(
                "choices",
                java.util.Arrays.stream(Language.values())
                        .filter(l -> l != Language.EN)
                        .map(l -> new Choice(l, on.contains(l)))
                        .toList());
        return "site/admin-editions";
    }

    /** Unknown codes (a forged form) are not languages Sitrep has: refused with a message, nothing saved. */
    @PostMapping("/admin/editions")
    String save(@RequestParam(name = "language", required = false) List<String> codes, RedirectAttributes redirect) {
        Set<Language> chosen = EnumSet.noneOf(Language.class);
        for (String code : codes == null ? List.<String>of() : codes) {
            var language = Language.of(code);
            if (language.isEmpty()) {
                redirect.addFlashAttribute("error", "There is no edition for “" + code + "”; nothing was changed.");
                return "redirect:/admin/editions";
            }
            chosen.add(language.get());
        }
        editions.enable(chosen);
        redirect.addFlashAttribute("notice", "Editions saved.");
        return "redirect:/admin/editions";
    }
}
