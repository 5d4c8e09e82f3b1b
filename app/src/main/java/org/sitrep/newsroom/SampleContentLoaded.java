package org.sitrep.newsroom;

import java.util.List;

/**
 * Announced when the sample content was loaded into an empty database, with the languages its
 * translations are in ("ar", "tr"), so the site can open those editions: a first start then shows
 * the translated sample in its editions without a visit to the settings.
 */
public record SampleContentLoaded(List<String> languages) {}
