package org.sitrep.paywall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sitrep.members.ReaderAccounts;
import org.sitrep.members.Role;
import org.sitrep.newsroom.AccessLevel;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceKind;
import org.sitrep.newsroom.PieceStatus;

/** The one rule for what text of a piece may leave the server, per access level and reader. */
class ReaderTextTest {
    static final String BODY = "<p>First.</p><p>Second.</p><p>PAID-THIRD words.</p>";
    static final Optional<ReaderAccounts.Reader> ANONYMOUS = Optional.empty();
    static final Optional<ReaderAccounts.Reader> MEMBER =
            Optional.of(new ReaderAccounts.Reader(1, "m@example.org", "M", Role.MEMBER, true, false));
    static final Optional<ReaderAccounts.Reader> SUBSCRIBER =
            Optional.of(new ReaderAccounts.Reader(2, "s@example.org", "S", Role.MEMBER, true, true));
    static final Optional<ReaderAccounts.Reader> EDITOR =
            Optional.of(new ReaderAccounts.Reader(3, "e@example.org", "E", Role.EDITOR, true, false));
    static final Optional<ReaderAccounts.Reader> ANALYST =
            Optional.of(new ReaderAccounts.Reader(4, "a@example.org", "A", Role.ANALYST, true, false));

    static Piece piece(AccessLevel level) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new Piece(
                1,
                "p",
                PieceKind.MEMO,
                "H",
                "S",
                BODY,
                BODY,
                null,
                PieceStatus.PUBLISHED,
                level,
                null,
                List.of(),
                List.of(),
                t,
                t,
                t,
                t,
                false);
    }

    @Test
    void everyReaderMayReceiveAPublicPieceWholeAndOnlyTheOpeningOfAGatedOne() {
        assertThat(ReaderText.freeText(piece(AccessLevel.PUBLIC))).isEqualTo("First. Second. PAID-THIRD words.");
        for (AccessLevel gated : List.of(AccessLevel.MEMBERS, AccessLevel.PAID)) {
            assertThat(ReaderText.freeHtml(piece(gated))).isEqualTo("<p>First.</p><p>Second.</p>");
            assertThat(ReaderText.freeText(piece(gated)))
                    .isEqualTo("First. Second.")
                    .doesNotContain("PAID");
        }
    }

    @Test
    void aKnownReaderGetsWhatThePaywallWouldGiveThem() {
        Piece paid = piece(AccessLevel.PAID);
        Piece members = piece(AccessLevel.MEMBERS);
        assertThat(ReaderText.htmlFor(paid, ANONYMOUS)).doesNotContain("PAID-THIRD");
        assertThat(ReaderText.htmlFor(paid, MEMBER)).doesNotContain("PAID-THIRD");
        assertThat(ReaderText.htmlFor(paid, ANALYST)).doesNotContain("PAID-THIRD");
        assertThat(ReaderText.htmlFor(paid, SUBSCRIBER)).contains("PAID-THIRD");
        assertThat(ReaderText.htmlFor(paid, EDITOR)).contains("PAID-THIRD");
        assertThat(ReaderText.htmlFor(members, ANONYMOUS)).doesNotContain("PAID-THIRD");
        assertThat(ReaderText.htmlFor(members, MEMBER)).contains("PAID-THIRD");
        assertThat(ReaderText.htmlFor(piece(AccessLevel.PUBLIC), ANONYMOUS)).contains("PAID-THIRD");
    }
}
