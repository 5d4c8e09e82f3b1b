package org.sitrep.analysis.training;

import org.sitrep.analysis.SubEventType;

/**
 * One labelled passage of the training or held-out corpus: 1–3 sentences reporting one event (or none).
 *
 * @param id      unique across the corpus ("tr-afr-0001")
 * @param label   its ACLED sub-type, or a None category
 * @param actor1  who did it, as written in the text (its first occurrence is the span), or null
 * @param actor2  to whom, likewise, or null
 * @param source  the kind of writing: wire, local, liveblog, ngo, police, ministry, witness, rebel
 * @param file    the file it was read from, for messages
 */
public record Passage(
        String id,
        String text,
        SubEventType label,
        String actor1,
        String actor2,
        String country,
        String source,
        String file) {}
