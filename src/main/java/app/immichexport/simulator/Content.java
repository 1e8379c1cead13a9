package app.immichexport.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The bytes of a simulated original, and Immich's checksum of them (base64 SHA-1). */
public abstract class Content {

    private String sha1;

    public abstract long size();

    /** The bytes from {@code offset} to the end. */
    public abstract InputStream open(long offset);

    public synchronized String sha1Base64() {
        if (sha1 == null) {
            sha1 = sha1Of(this);
        }
        return sha1;
    }

    public static Content of(byte[] bytes) {
        return new Content() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream open(long offset) {
                int start = (int) Math.min(offset, bytes.length);
                return new ByteArrayInputStream(bytes, start, bytes.length - start);
            }
        };
    }

    /** The bytes of a file on disk, whose SHA-1 the caller already knows (computed while writing it). */
    public static Content file(Path path, String knownSha1Base64) {
        Content content = new Content() {
            @Override
            public long size() {
                try {
                    return Files.size(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public InputStream open(long offset) {
                try {
                    FileChannel channel = FileChannel.open(path);
                    channel.position(offset);
                    return Channels.newInputStream(channel);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        content.sha1 = knownSha1Base64;
        return content;
    }

    /** Deterministic pseudo-random bytes: large files without holding them in memory. */
    public static Content pseudoRandom(long seed, long size) {
        return new Content() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open(long offset) {
                return new PseudoRandomStream(seed, size, offset);
            }
        };
    }

    private static String sha1Of(Content content) {
        try (InputStream in = content.open(0)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bytes are generated in 8-byte words from a seeded generator, so any offset can be reached. */
    private static final class PseudoRandomStream extends InputStream {
        private final long seed;
        private final long size;
        private long position;

        PseudoRandomStream(long seed, long size, long offset) {
            this.seed = seed;
            this.size = size;
            this.position = Math.min(offset, size);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            long word = position >>> 3;
            long value = wordAt(word);
            for (int i = 0; i < n; i++) {
                long p = position + i;
                if ((p >>> 3) != word) {
                    word = p >>> 3;
                    value = wordAt(word);
                }
                buffer[off + i] = (byte) (value >>> ((p & 7) * 8));
            }
            position += n;
            return n;
        }

        /** SplitMix64 of the word's index: cheap, and the same bytes at the same offset every time. */
        private long wordAt(long word) {
            long z = seed + (word + 1) * 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }
}
