package org.tctracker.commitment;

import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tctracker.people.PersonReferences;

/** A person stays while they own or help with commitments. */
@Component
@Order(1)
class CommitmentsOfPeople implements PersonReferences {

    private final Holdings holdings;

    CommitmentsOfPeople(Holdings holdings) {
        this.holdings = holdings;
    }

    @Override
    public Optional<String> describe(long personId) {
        Holdings.Held held = holdings.ofPerson(personId);
        return held.owns() + held.helpsWith() == 0
                ? Optional.empty()
                : Optional.of("owns " + held.owns() + " and helps with " + held.helpsWith() + " commitments");
    }
}
