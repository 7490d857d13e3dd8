package org.tctracker.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusTest {

    @Test
    void doneAndDroppedAreClosedTheOthersOpen() {
        assertThat(Status.values())
                .filteredOn(Status::isOpen)
                .containsExactly(Status.NOT_STARTED, Status.IN_PROGRESS, Status.BLOCKED);
    }

    @Test
    void parsesTheAddressSpellingAndTheConstantName() {
        assertThat(Status.parse("in-progress")).contains(Status.IN_PROGRESS);
        assertThat(Status.parse("IN_PROGRESS")).contains(Status.IN_PROGRESS);
        assertThat(Status.parse(" Blocked ")).contains(Status.BLOCKED);
        assertThat(Status.parse("finished")).isEmpty();
    }
}
