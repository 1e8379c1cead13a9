package app.immichexport.base.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void theFirstCauseWrittenForPeopleIsTold() {
        Throwable failure = new CompletionException(
                new IllegalStateException("wrapped", new IllegalArgumentException("No person nobody")));
        assertEquals("No person nobody", Failures.reason(failure, "Try again.", IllegalArgumentException.class));
    }

    @Test
    void anythingElseGetsTheFallback() {
        Throwable failure = new CompletionException(new NullPointerException("a.b() is null"));
        assertEquals("Try again.", Failures.reason(failure, "Try again.", IllegalArgumentException.class));
    }
}
