package app.immichexport.export.copy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * A download that survives a cut connection: when reading fails or ends too early, it opens the source again at the
 * byte where it stopped (an HTTP Range request) and goes on, a few times, waiting longer each time.
 * What arrives is still verified as a whole by its SHA-1, so a bad resume cannot pass unnoticed.
 */
final class ResumingInputStream extends InputStream {

    /** Opens the source at an offset. */
    @FunctionalInterface
    public interface Opener {
        InputStream open(long offset) throws IOException;
    }

    private final Opener opener;
    private final long expectedSize;
    private final int maxRetries;
    private final long backoffMillis;
    private InputStream current;
    private long position;
    private int retries;

    /** @param expectedSize the whole length, or negative when unknown: a shorter stream then counts as cut */
    public ResumingInputStream(Opener opener, long expectedSize, int maxRetries, long backoffMillis) {
        this.opener = opener;
        this.expectedSize = expectedSize;
        this.maxRetries = maxRetries;
        this.backoffMillis = backoffMillis;
    }

    /** How often the source had to be opened again. */
    public int retries() {
        return retries;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        while (true) {
            try {
                if (current == null) {
                    current = opener.open(position);
                }
                int n = current.read(buffer, offset, length);
                if (n > 0) {
                    position += n;
                } else if (n < 0 && position < expectedSize) {
                    // some HTTP clients report a dropped connection as a plain end of the stream
                    throw new IOException("the connection ended at byte " + position + " of " + expectedSize);
                }
                return n;
            } catch (InterruptedIOException cancelled) {
                throw cancelled;
            } catch (IOException failure) {
                closeQuietly();
                if (retries >= maxRetries) {
                    throw new IOException(
                            "gave up after " + retries + " retries at byte " + position + ": " + failure.getMessage(),
                            failure);
                }
                retries++;
                pause(backoffMillis * retries);
            }
        }
    }

    private static void pause(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("cancelled while waiting to retry");
        }
    }

    private void closeQuietly() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // the connection is being abandoned anyway
            }
            current = null;
        }
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
        }
    }
}
