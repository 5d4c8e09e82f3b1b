package org.sitrep.intel;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The analysis queue for administrators: how much is waiting, what failed and why, "analyse everything again",
 * and retraining the learned event model from the analysts' reviews (its runs, figures and the events each
 * model version coded).
 */
@Controller
class IntelAdminController {
    private final AnalysisQueue queue;
    private final AnalysisEngine engine;
    private final ModelRetraining retraining;

    IntelAdminController(AnalysisQueue queue, AnalysisEngine engine, ModelRetraining retraining) {
        this.queue = queue;
        this.engine = engine;
        this.retraining = retraining;
    }

    @GetMapping("/admin/intel")
    String page(Model model) {
        model.addAttribute("counts", queue.counts());
        model.addAttribute("troubled", queue.troubled(100));
        model.addAttribute("engineVersion", engine.version());
        model.addAttribute("modelVersion", engine.model().version());
        model.addAttribute("roleVersion", engine.models().roles().version());
        model.addAttribute("modelPinned", engine.pinned());
        model.addAttribute("trainings", retraining.recent(10));
        model.addAttribute("eventsByVersion", retraining.eventsByVersion());
        return "intel/admin";
    }

    @PostMapping("/admin/intel/retry")
    String retry(@RequestParam(name = "job", defaultValue = "0") long job, RedirectAttributes flash) {
        if (queue.retry(job)) flash.addFlashAttribute("notice", "Job " + job + " is queued again.");
        else
            flash.addFlashAttribute("error", "Job " + job + " is not a failed job (it may have been retried already).");
        return "redirect:/admin/intel";
    }

    /** Starts a retraining from the analysts' reviews in the background; the page shows how it went. */
    @PostMapping("/admin/intel/retrain")
    String retrain(Principal who, RedirectAttributes flash) {
        try {
            retraining.start(who.getName());
            flash.addFlashAttribute(
                    "notice",
                    "Retraining from reviews started. It takes a minute or two; reload this page "
                            + "for the before and after figures.");
        } catch (ModelRetraining.AlreadyRunning e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/intel#retrain";
    }

    @PostMapping("/admin/intel/reanalyse")
    String reanalyseAll(RedirectAttributes flash) {
        int n = queue.enqueueAll();
        flash.addFlashAttribute("notice", n + " document(s) queued for analysis. Analysts' reviews are kept.");
        return "redirect:/admin/intel";
    }
}
