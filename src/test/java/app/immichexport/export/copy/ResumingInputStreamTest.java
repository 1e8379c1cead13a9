package app.immichexport.export.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class ResumingInputStreamTest {

    private static final byte[] DATA = new byte[100_000];

    static {
        new Random(9).nextBytes(DATA);
    }

    /** Serves DATA from an offset, cutting the connection after {@code cutAfter} bytes the first times. */
    private static ResumingInputStream.Opener flaky(int cuts, int cutAfter, List<Long> offsets) {
        int[] opened = {0};
        return offset -> {
            offsets.add(offset);
            boolean cut = opened[0]++ < cuts;
            InputStream body = new ByteArrayInputStream(DATA, (int) offset, DATA.length - (int) offset);
            return new InputStream() {
                private int sent;

                @Override
                public int read() throws IOException {
                    if (cut && sent++ >= cutAfter) {
                        throw new IOException("connection reset");
                    }
                    return body.read();
                }
            };
        };
    }

    @Test
    void resumesWhereTheCutConnectionStopped() throws IOException {
        List<Long> offsets = new ArrayList<>();
        try (ResumingInputStream in = new ResumingInputStream(flaky(2, 30_000, offsets), DATA.length, 3, 1)) {
            assertArrayEquals(DATA, in.readAllBytes());
            assertEquals(2, in.retries());
        }
        assertEquals(List.of(0L, 30_000L, 60_000L), offsets);
    }

    @Test
    void aStreamEndingEarlyCountsAsCutWhenTheSizeIsKnown() throws IOException {
        List<Long> offsets = new ArrayList<>();
        ResumingInputStream.Opener quietlyShort = offset -> {
            offsets.add(offset);
            int end = (int) Math.min(DATA.length, offset + 40_000);
            return new ByteArrayInputStream(DATA, (int) offset, end - (int) offset);
        };
        try (ResumingInputStream in = new ResumingInputStream(quietlyShort, DATA.length, 3, 1)) {
            assertArrayEquals(DATA, in.readAllBytes());
        }
        assertEquals(List.of(0L, 40_000L, 80_000L), offsets);
    }

    @Test
    void givesUpAfterItsRetries() {
        List<Long> offsets = new ArrayList<>();
        ResumingInputStream in = new ResumingInputStream(flaky(10, 10, offsets), DATA.length, 2, 1);
        IOException e = assertThrows(IOException.class, in::readAllBytes);
        assertEquals(3, offsets.size());
        Assertions.assertTrue(e.getMessage().contains("gave up after 2 retries"), e.getMessage());
    }
}
