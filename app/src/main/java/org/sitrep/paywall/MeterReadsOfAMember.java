package org.sitrep.paywall;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sitrep.members.AccountData;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceCatalog;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The meter's part of a member's export and deletion: the pieces they read on the meter (month,
 * headline, time), from paywall's own {@code meter_reads}; headlines come from the newsroom's catalogue.
 */
@Component
@Order(20)
class MeterReadsOfAMember implements AccountData {
    private record Read(String month, long pieceId, OffsetDateTime at) {}

    private final JdbcClient jdbc;
    private final PieceCatalog pieces;

    MeterReadsOfAMember(JdbcClient jdbc, PieceCatalog pieces) {
        this.jdbc = jdbc;
        this.pieces = pieces;
    }

    @Override
    public String section() {
        return "piecesReadOnTheMeter";
    }

    @Override
    public Object export(long userId) {
        List<Read> reads = jdbc.sql(
                        "SELECT read_month, piece_id, read_at FROM meter_reads WHERE reader = :r ORDER BY read_at")
                .param("r", reader(userId))
                .query((rs, n) -> new Read(rs.getString(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class)))
                .list();
        Map<Long, String> headlines = pieces
                .byIds(reads.stream().map(Read::pieceId).distinct().toList())
                .stream()
                .collect(Collectors.toMap(Piece::id, Piece::headline, (a, b) -> a));
        // A piece deleted since is not in the catalogue (its reads went with it: the table's key cascades).
        return reads.stream()
                .filter(r -> headlines.containsKey(r.pieceId()))
                .map(r -> Map.of(
                        "month",
                        r.month(),
                        "headline",
                        headlines.get(r.pieceId()),
                        "readAt",
                        r.at().toInstant().toString()))
                .toList();
    }

    @Override
    public void delete(long userId) {
        jdbc.sql("DELETE FROM meter_reads WHERE reader = :r")
                .param("r", reader(userId))
                .update();
    }

    /** A member's reads are counted under "u:" and their id (visitors' under "v:"). */
    private static String reader(long userId) {
        return "u:" + userId;
    }
}
