package org.sitrep.intel;

/**
 * An article's text cut around an event's evidence sentence, so the page can mark the sentence
 * (every part is shown as escaped text). When the stored offsets no longer match the sentence
 * (the article was edited), the sentence is looked for; when it is gone, nothing is marked.
 */
public record EvidenceInText(String before, String evidence, String after, boolean found) {

    public static EvidenceInText of(TrackedEvent e, String text) {
        String sentence = e.evidenceSentence();
        if (sentence == null || sentence.isEmpty()) return new EvidenceInText(text, "", "", false);
        Integer start = e.evidenceStart();
        Integer end = e.evidenceEnd();
        if (start == null
                || end == null
                || start < 0
                || end > text.length()
                || start > end
                || !text.substring(start, end).equals(sentence)) {
            start = text.indexOf(sentence);
            end = start < 0 ? null : start + sentence.length();
        }
        if (start < 0) return new EvidenceInText(text, "", "", false);
        return new EvidenceInText(text.substring(0, start), text.substring(start, end), text.substring(end), true);
    }
}
