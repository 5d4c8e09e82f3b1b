package org.sitrep.licences;

import java.util.List;
import java.util.Map;
import org.sitrep.members.AccountData;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Licences' part of a member's export and deletion: the organisations whose seat they hold. */
@Component
@Order(30)
class SeatsOfAMember implements AccountData {
    private final Organisations organisations;

    SeatsOfAMember(Organisations organisations) {
        this.organisations = organisations;
    }

    @Override
    public String section() {
        return "organisationSeats";
    }

    @Override
    public Object export(long userId) {
        List<Organisations.Organisation> orgs = organisations.withSeatOf(userId);
        return orgs.stream()
                .map(o -> Map.of("organisation", o.name(), "manager", organisations.manages(userId, o.id())))
                .toList();
    }

    @Override
    public void delete(long userId) {
        organisations.leaveAll(userId);
    }
}
