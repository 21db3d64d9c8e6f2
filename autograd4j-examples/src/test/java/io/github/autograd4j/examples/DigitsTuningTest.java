package io.github.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.examples.DigitsTuning.Candidate;
import io.github.autograd4j.examples.DigitsTuning.Score;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigitsTuningTest {

    @Test
    void scoresEachCandidateByItsMeanValidationAccuracyOverTheSplitSeeds() throws Exception {
        Candidate tiny = new Candidate(List.of(64, 4, 10), 0, 1e-3, 1);
        Candidate small = new Candidate(List.of(64, 32, 10), 0, 3e-3, 3);
        Silent out = new Silent();
        List<Score> scores = DigitsTuning.run(new DigitsTuning.Config(List.of(tiny, small), 2, 0.2, out.out()));

        assertEquals(2, scores.size());
        for (Score s : scores) {
            assertEquals(2, s.accuracies().length);
            assertTrue(Arrays.stream(s.accuracies()).allMatch(a -> a >= 0 && a <= 1), Arrays.toString(s.accuracies()));
            assertEquals(DigitsTuning.validationAccuracy(s.candidate(), 1, 0.2), s.accuracies()[1], "seed 1's run, repeatable");
        }
        assertTrue(scores.get(1).mean() > scores.get(0).mean(), "3 epochs of 32 hidden units beat 1 epoch of 4");
        assertSame(scores.get(1), DigitsTuning.best(scores));
        assertTrue(out.text().contains("best mean validation accuracy: " + small.describe()), out.text());
        assertTrue(out.text().contains("the test parts are not used"), out.text());
    }

    @Test
    void digitsDefaultsAreOneOfTheCandidates() {
        Candidate defaults = new Candidate(Arrays.stream(DigitsExample.LAYERS).boxed().toList(), DigitsExample.DROPOUT,
                DigitsExample.defaults().lr(), DigitsExample.defaults().epochs());
        assertTrue(DigitsTuning.CANDIDATES.contains(defaults), defaults.describe());
    }
}
