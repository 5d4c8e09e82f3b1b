package org.sitrep.analysis;

import java.util.List;

/**
 * A place named in the text and resolved on the gazetteer.
 *
 * @param text        the surface form as first written in the text
 * @param name        the gazetteer's name for it
 * @param country     ISO 3166-1 alpha-2 code
 * @param admin1      first-level division name (province, governorate), if known
 * @param featureCode GeoNames feature code (PPL, PPLA, ADM1, PCLI, …)
 * @param gazetteerId GeoNames id (or the id in whichever gazetteer resolved it)
 * @param mentions    every place in the text where it is named
 */
public record Place(
        String text,
        String name,
        double lat,
        double lon,
        String country,
        String admin1,
        String featureCode,
        long gazetteerId,
        Precision precision,
        List<Span> mentions) {}
