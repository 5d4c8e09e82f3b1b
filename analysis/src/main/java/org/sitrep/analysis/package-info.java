/** Sitrep's conflict analysis engine: plain Java, no web framework. Text in, places, actors, dates and events out. */
package org.sitrep.analysis;
