package io.nylassf.connect.common;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TaskAssignmentTest {
    @Test
    void spreadsSortedUnitsRoundRobinOverAtMostMaxTasks() {
        assertEquals(List.of(List.of("a", "c", "e"), List.of("b", "d")),
                TaskAssignment.roundRobin(List.of("e", "d", "c", "b", "a"), 2));
    }

    @Test
    void neverMakesMoreTasksThanUnits() {
        assertEquals(List.of(List.of("g1"), List.of("g2")), TaskAssignment.roundRobin(List.of("g2", "g1"), 8));
    }

    @Test
    void sameSetSameAssignmentWhateverTheOrderAndDuplicates() {
        assertEquals(TaskAssignment.roundRobin(List.of("x", "y", "z", " y "), 2),
                TaskAssignment.roundRobin(List.of("z", "x", "y"), 2));
    }

    @Test
    void noUnitsNoTasks() {
        assertEquals(List.of(), TaskAssignment.roundRobin(List.of(), 3));
    }

    @Test
    void rejectsZeroTasks() {
        assertThrows(IllegalArgumentException.class, () -> TaskAssignment.roundRobin(List.of("a"), 0));
    }
}
