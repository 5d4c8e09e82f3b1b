package org.sitrep.intel;

/**
 * Published (as a Spring application event) by a feature whose document was created or changed and
 * should be (re-)analysed; the analysis queue listens and enqueues it durably.
 */
public record AnalysisRequested(String kind, long id) {}
