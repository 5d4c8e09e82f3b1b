/**
 * Conflict intelligence: every published piece and every ingested item is analysed by the
 * framework-free engine ({@code org.sitrep.analysis}) through a durable queue; the events it finds
 * are stored with their evidence and engine version, reviewed by analysts, and read by the tracker
 * and the API through {@link org.sitrep.intel.EventSearch}.
 *
 * <p>Other features hand documents to intel without knowing its tables: they implement
 * {@link org.sitrep.intel.SourceDocuments} for their kind of document and publish
 * {@link org.sitrep.intel.AnalysisRequested} when one changes.
 */
package org.sitrep.intel;
