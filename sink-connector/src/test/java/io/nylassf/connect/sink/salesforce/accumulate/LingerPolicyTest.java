package io.nylassf.connect.sink.salesforce.accumulate;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LingerPolicyTest {
    final AtomicLong calls = new AtomicLong();

    @Test
    void stretchesWhenTheProjectedDailyCallsExceedTheBudgetAndShrinksBackWhenThereIsRoom() {
        // budget 14,400 calls a day = 10 a minute; at a 1 s linger the task spends 60 a minute
        LingerPolicy p = new LingerPolicy(1_000, 120_000, 60_000, () -> 14_400, calls::get);
        p.adjust(0);
        calls.addAndGet(60);
        long stretched = p.adjust(60_000);
        assertEquals(7_500, stretched, "1 s x 60/min / (80 % of 10/min)");
        calls.addAndGet(8); // at 7.5 s the trickle spends 8 a minute: inside the budget, stays
        assertEquals(7_500, p.adjust(120_000));
        calls.addAndGet(1); // the stream dries up
        assertEquals(1_000, p.adjust(180_000), "never below the configured linger");
    }

    @Test
    void staysWithinItsBoundsAndStillWhenTheBudgetIsUnknown() {
        LingerPolicy unknown = new LingerPolicy(5_000, 60_000, 1_000, () -> 0, calls::get);
        unknown.adjust(0);
        calls.addAndGet(1_000_000);
        assertEquals(5_000, unknown.adjust(10_000));
        LingerPolicy capped = new LingerPolicy(5_000, 60_000, 1_000, () -> 100, calls::get);
        capped.adjust(0);
        calls.addAndGet(1_000_000);
        assertEquals(60_000, capped.adjust(10_000));
        assertTrue(capped.adjust(10_500) == 60_000, "re-read once per interval only");
    }
}
