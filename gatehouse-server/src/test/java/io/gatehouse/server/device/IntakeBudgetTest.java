package io.gatehouse.server.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The hub-wide budget of stream bytes waiting for the store: a message that does not fit is refused, room comes back. */
class IntakeBudgetTest {
    @Test
    void aMessageBeyondTheBudgetIsRefusedUntilRoomIsGivenBack() {
        IntakeBudget budget = new IntakeBudget(10_000);
        assertThat(budget.tryTake(6_000)).isTrue();
        assertThat(budget.tryTake(5_000)).as("6,000 + 5,000 > 10,000").isFalse();
        assertThat(budget.used()).isEqualTo(6_000);

        budget.give(6_000);
        assertThat(budget.tryTake(5_000)).isTrue();

        budget.take(9_000); // a message already held, back in line for a retry: never refused
        assertThat(budget.used()).isEqualTo(14_000);
        assertThat(budget.tryTake(1)).isFalse();
    }
}
