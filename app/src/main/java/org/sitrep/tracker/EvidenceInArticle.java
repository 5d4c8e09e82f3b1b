package org.sitrep.tracker;

import java.util.Optional;
import org.sitrep.intel.TrackedEvent;

/**
 * An event's article text cut around its evidence sentence, so pages and the panel can mark the
 * sentence without ever treating the (untrusted) article as markup: three plain strings.
 * When the stored offsets do not point at the sentence (text re-cleaned, bad data), only the
 * sentence itself is shown.
 */
public record EvidenceInArticle(String before, String evidence, String after, boolean inArticle) {

    public static EvidenceInArticle of(TrackedEvent event, Optional<String> articleText) {
        String sentence = event.evidenceSentence() == null ? "" : event.evidenceSentence();
        Integer start = event.evidenceStart();
        Integer end = event.evidenceEnd();
        if (articleText.isPresent() && start != null && end != null) {
            String text = articleText.get();
            if (start >= 0 && start <= end && end <= text.length()) {
                return new EvidenceInArticle(text.substring(0, start), text.substring(start, end), text.substring(end), true);
            }
        }
        return new EvidenceInArticle("", sentence, "", false);
    }
}
