package org.sitrep.analysis;

/** Where an event happened: the resolved place, at the precision it was known. */
public record EventPlace(
        String name, double lat, double lon, Precision precision, String country, String admin1, long gazetteerId) {}
