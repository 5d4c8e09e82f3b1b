/**
 * The analyzer's fatalities stage: the deaths a text reports, read as ACLED codes them (a number with the
 * range the words allow and the words it came from) and given to the events they belong to, each death
 * counted once. {@link org.sitrep.analysis.fatalities.FatalityReader} is the slot,
 * {@link org.sitrep.analysis.fatalities.ReportedDeaths} the rules that fill it.
 */
package org.sitrep.analysis.fatalities;
