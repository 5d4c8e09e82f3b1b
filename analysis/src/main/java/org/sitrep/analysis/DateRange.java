package org.sitrep.analysis;

import java.time.LocalDate;

/** When something happened: a range resolved against the publication date, and the words it came from. */
public record DateRange(LocalDate earliest, LocalDate latest, String text) {}
