package org.sitrep.intel;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The analysis queue for administrators: how much is waiting, what failed and why, and "analyse everything again". */
@Controller
class IntelAdminController {
    private final AnalysisQueue queue;
    private final AnalysisEngine engine;

    IntelAdminController(AnalysisQueue queue, AnalysisEngine engine) {
        this.queue = queue;
        this.engine = engine;
    }

    @GetMapping("/admin/intel")
    String page(Model model) {
        model.addAttribute("counts", queue.counts());
        model.addAttribute("troubled", queue.troubled(100));
        model.addAttribute("engineVersion", engine.version());
        return "intel/admin";
    }

    @PostMapping("/admin/intel/retry")
    String retry(@RequestParam(name = "job", defaultValue = "0") long job, RedirectAttributes flash) {
        if (queue.retry(job)) flash.addFlashAttribute("notice", "Job " + job + " is queued again.");
        else flash.addFlashAttribute("error", "Job " + job + " is not a failed job (it may have been retried already).");
        return "redirect:/admin/intel";
    }

    @PostMapping("/admin/intel/reanalyse")
    String reanalyseAll(RedirectAttributes flash) {
        int n = queue.enqueueAll();
        flash.addFlashAttribute("notice", n + " document(s) queued for analysis. Analysts' reviews are kept.");
        return "redirect:/admin/intel";
    }
}
