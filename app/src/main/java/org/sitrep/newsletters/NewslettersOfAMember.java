package org.sitrep.newsletters;

import java.time.OffsetDateTime;
import java.util.Map;
import org.sitrep.members.AccountData;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The newsletters' part of a member's export and deletion: the newsletters they chose (and since
 * when), and on deletion those choices and their lines in the send logs, from newsletters' own tables.
 */
@Component
@Order(10)
class NewslettersOfAMember implements AccountData {
    private final JdbcClient jdbc;

    NewslettersOfAMember(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "newsletters";
    }

    @Override
    public Object export(long userId) {
        return jdbc.sql("SELECT n.name, ns.subscribed_at FROM newsletter_subscriptions ns "
                        + "JOIN newsletters n ON n.id = ns.newsletter_id WHERE ns.user_id = :id ORDER BY n.sort_order")
                .param("id", userId)
                .query((rs, n) -> Map.of(
                        "newsletter",
                        rs.getString(1),
                        "since",
                        rs.getObject(2, OffsetDateTime.class).toInstant().toString()))
                .list();
    }

    @Override
    public void delete(long userId) {
        jdbc.sql("DELETE FROM newsletter_subscriptions WHERE user_id = :id")
                .param("id", userId)
                .update();
        jdbc.sql("DELETE FROM newsletter_sends WHERE user_id = :id")
                .param("id", userId)
                .update();
    }
}
