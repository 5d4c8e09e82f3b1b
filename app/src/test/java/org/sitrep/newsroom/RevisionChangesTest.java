package org.sitrep.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.newsroom.RevisionChanges.Change;
import org.sitrep.newsroom.RevisionChanges.Line;

class RevisionChangesTest {
    @Test
    void marksRemovedAddedAndUnchangedLinesInOrder() {
        List<Line> lines = RevisionChanges.lines(
                "Fighting in Zahraa.\n\nRebels took Layramoun.\nShelling went on.",
                "Fighting in Zahraa.\n\nRebels took part of Layramoun.\nShelling went on.\nA new line.");
        assertThat(lines)
                .containsExactly(
                        new Line(Change.SAME, "Fighting in Zahraa."),
                        new Line(Change.SAME, ""),
                        new Line(Change.REMOVED, "Rebels took Layramoun."),
                        new Line(Change.ADDED, "Rebels took part of Layramoun."),
                        new Line(Change.SAME, "Shelling went on."),
                        new Line(Change.ADDED, "A new line."));
    }

    @Test
    void theFirstRevisionIsAllAdded() {
        Revision first = new Revision(1, 1, 1, "Headline", null, "Body", PieceStatus.DRAFT, "ed", Instant.EPOCH);
        RevisionChanges changes = RevisionChanges.between(null, first);
        assertThat(changes.headline()).containsExactly(new Line(Change.ADDED, "Headline"));
        assertThat(changes.standfirst()).isEmpty();
        assertThat(changes.isEmpty()).isFalse();
        assertThat(RevisionChanges.between(first, first).isEmpty()).isTrue();
    }
}
