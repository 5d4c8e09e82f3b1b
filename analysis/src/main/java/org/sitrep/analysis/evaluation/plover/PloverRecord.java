package org.sitrep.analysis.evaluation.plover;

import java.util.List;

/**
 * One hand-coded sentence of the PLOVER gold standard: its PLOVER event category and mode and the
 * source and target actors as written in the text.
 */
public record PloverRecord(
        String id, String event, String mode, String text, List<String> sources, List<String> targets) {}
