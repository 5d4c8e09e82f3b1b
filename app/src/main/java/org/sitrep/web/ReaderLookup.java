package org.sitrep.web;

import java.util.Optional;

/**
 * The reader signed in on the current request, if any. Implemented by members (which owns the
 * accounts), so the site shows the reader's state without reading the members' tables.
 */
public interface ReaderLookup {
    Optional<SignedInReader> current();
}
