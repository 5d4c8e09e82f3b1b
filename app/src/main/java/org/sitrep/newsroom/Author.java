package org.sitrep.newsroom;

/** A byline: who wrote a piece, with a short bio and an optional portrait. */
public record Author(long id, String slug, String name, String bio, Photo photo) {}
