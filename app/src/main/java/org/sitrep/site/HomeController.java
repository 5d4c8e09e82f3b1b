package org.sitrep.site;

import org.sitrep.newsroom.PieceCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: the latest pieces. */
@Controller
class HomeController {
    private final PieceCatalog catalog;

    HomeController(PieceCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("pieces", catalog.latest(20, 0));
        return "site/home";
    }
}
