package org.sitrep.newsroom;

public record Tag(long id, String slug, String name) {}
