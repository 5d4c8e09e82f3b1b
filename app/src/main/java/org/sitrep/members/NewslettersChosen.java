package org.sitrep.members;

import java.util.List;

/** Published when a join link is used: the newsletters (by slug) the reader ticked on the join form. */
public record NewslettersChosen(long userId, List<String> slugs) {}
