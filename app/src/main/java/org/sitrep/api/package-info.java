/**
 * The data API under {@code /api/v1}: events, pieces, places and actors as JSON with cursor paging,
 * events as CSV and GeoJSON, the OpenAPI description, and the API keys members of a data plan
 * manage in their account. Reads go through the other features' public services
 * ({@link org.sitrep.intel.EventSearch}, {@link org.sitrep.intel.PlaceDirectory},
 * {@link org.sitrep.intel.ActorDirectory}, {@link org.sitrep.intel.EventExports},
 * {@link org.sitrep.newsroom.PieceCatalog}).
 */
package org.sitrep.api;
