/**
 * The analyzer's dates stage: time expressions in news text ("on Tuesday", "in late March") resolved against the
 * publication date. Null-marked (JSpecify): nothing here is null unless its type says {@code @Nullable}; a resolver
 * answers null for a match that is no date ("May" the verb), and the finder skips it.
 */
@NullMarked
package org.sitrep.analysis.dates;

import org.jspecify.annotations.NullMarked;
