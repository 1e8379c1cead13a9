package app.immichexport.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PruneGuardTest {

    private static final PruneGuard.Run HEALTHY = new PruneGuard.Run(true, 0, List.of(), true, true, 3, 100);

    private static Optional<String> refusal(PruneGuard.Run run) {
        return PruneGuard.refusal(MirrorProfile.Prune.QUARANTINE, 1000, 50, run);
    }

    @Test
    void aHealthyRunWithinTheLimitsMayPrune() {
        assertEquals(Optional.empty(), refusal(HEALTHY));
    }

    @Test
    void eachGuardAloneBlocksPruningAndSaysWhy() {
        assertTrue(refusal(new PruneGuard.Run(false, 0, List.of(), true, true, 3, 100))
                .orElseThrow()
                .contains("errors"));
        assertTrue(refusal(new PruneGuard.Run(true, 1, List.of(), true, true, 3, 100))
                .orElseThrow()
                .contains("1 files not verified"));
        assertTrue(refusal(new PruneGuard.Run(true, 0, List.of(), false, true, 3, 100))
                .orElseThrow()
                .contains("did not answer"));
        assertTrue(refusal(new PruneGuard.Run(true, 0, List.of("'Lying'"), true, true, 3, 100))
                .orElseThrow()
                .contains("fewer members than the asset count of 'Lying'"));
        assertTrue(refusal(new PruneGuard.Run(true, 0, List.of(), true, false, 3, 100))
                .orElseThrow()
                .contains("upload folder"));
        assertTrue(refusal(new PruneGuard.Run(true, 0, List.of(), true, true, 51, 100))
                .orElseThrow()
                .contains("51 %"));
        assertTrue(PruneGuard.refusal(MirrorProfile.Prune.QUARANTINE, 2, 50, HEALTHY)
                .orElseThrow()
                .contains("limit of 2 files"));
        assertTrue(PruneGuard.refusal(MirrorProfile.Prune.KEEP, 1000, 50, HEALTHY)
                .orElseThrow()
                .contains("off"));
    }

    @Test
    void exactlyAtTheLimitStillPrunes() {
        assertEquals(Optional.empty(), refusal(new PruneGuard.Run(true, 0, List.of(), true, true, 50, 100)));
        assertEquals(Optional.empty(), PruneGuard.refusal(MirrorProfile.Prune.DELETE, 3, 50, HEALTHY));
    }

    @Test
    void nothingToPruneNeedsNoGuard() {
        assertEquals(Optional.empty(), refusal(new PruneGuard.Run(false, 5, List.of("'x'"), false, false, 0, 0)));
    }
}
