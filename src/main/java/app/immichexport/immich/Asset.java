package app.immichexport.immich;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * One Immich asset. An album of a hundred thousand photos holds as many of them while it is planned and
 * exported, within a heap of 128 MiB, so each is held compactly: its id, times and checksum as numbers, and
 * where Immich keeps it apart from the folders many assets share (see {@link StoredPath}).
 */
public final class Asset {

    public enum AssetType {
        IMAGE,
        VIDEO,
        AUDIO,
        OTHER
    }

    private static final long NO_TIME = Long.MIN_VALUE;
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    /** When the photos were taken, the ones without a time last; the same time ordered by id. */
    public static final Comparator<Asset> BY_CAPTURE_TIME = (a, b) -> {
        if (a.capturedSeconds != b.capturedSeconds) {
            return a.capturedSeconds == NO_TIME
                    ? 1
                    : b.capturedSeconds == NO_TIME ? -1 : Long.compare(a.capturedSeconds, b.capturedSeconds);
        }
        int byNanos = Integer.compare(a.capturedNanos, b.capturedNanos);
        return byNanos != 0 ? byNanos : a.id().compareTo(b.id());
    };

    /** an id in Immich's form (a UUID) as its 16 bytes, unless {@code idText} holds another */
    private final long idHigh;

    private final long idLow;
    private final String idText;
    private final String originalFileName;
    private final StoredPath originalPath;
    private final AssetType type;
    private final long capturedSeconds;
    private final int capturedNanos;
    private final long modifiedSeconds;
    private final int modifiedNanos;
    private final long updatedSeconds;
    private final int updatedNanos;
    /** a base64 SHA-1 as its 20 bytes, unless {@code checksumText} holds another text */
    private final long checksumHead;

    private final long checksumMiddle;
    private final int checksumTail;
    private final boolean checksumBinary;
    private final String checksumText;
    private final long size;
    private final String libraryId;
    private final boolean trashed;
    private final boolean offline;
    private final String visibility;
    private final String livePhotoVideoId;
    private final String ownerId;
    private final String mimeType;
    private final String editedLook;

    /**
     * @param checksumSha1 base64 SHA-1 of the original's bytes, or null when Immich's checksum cannot
     *                     verify content (external-library assets hash their path, not their bytes)
     * @param size         file size in bytes from EXIF, or -1 when unknown
     * @param capturedAt   when the photo was taken, falling back to the file's creation time
     * @param mimeType     Immich's {@code originalMimeType}, or null when it did not say
     * @param updatedAt    when Immich last changed the asset, null when it did not say
     * @param editedLook   for a photo edited in Immich, the thumbhash of its edited picture (empty when
     *                     Immich gave none), which changes when the picture is rendered again; null when
     *                     the photo has no edits
     */
    public Asset(
            String id,
            String originalFileName,
            String originalPath,
            AssetType type,
            Instant capturedAt,
            Instant fileModifiedAt,
            String checksumSha1,
            long size,
            String libraryId,
            boolean trashed,
            boolean offline,
            String visibility,
            String livePhotoVideoId,
            String ownerId,
            String mimeType,
            Instant updatedAt,
            String editedLook) {
        UUID uuid = uuid(id);
        this.idHigh = uuid == null ? 0 : uuid.getMostSignificantBits();
        this.idLow = uuid == null ? 0 : uuid.getLeastSignificantBits();
        this.idText = uuid == null ? id : null;
        this.originalFileName = originalFileName;
        this.originalPath = StoredPath.of(originalPath, id, originalFileName);
        this.type = type;
        this.capturedSeconds = seconds(capturedAt);
        this.capturedNanos = capturedAt == null ? 0 : capturedAt.getNano();
        this.modifiedSeconds = seconds(fileModifiedAt);
        this.modifiedNanos = fileModifiedAt == null ? 0 : fileModifiedAt.getNano();
        this.updatedSeconds = seconds(updatedAt);
        this.updatedNanos = updatedAt == null ? 0 : updatedAt.getNano();
        byte[] sha1 = sha1Bytes(checksumSha1);
        ByteBuffer bytes = ByteBuffer.wrap(sha1 == null ? new byte[20] : sha1);
        this.checksumHead = bytes.getLong();
        this.checksumMiddle = bytes.getLong();
        this.checksumTail = bytes.getInt();
        this.checksumBinary = sha1 != null;
        this.checksumText = sha1 == null ? checksumSha1 : null;
        this.size = size;
        this.libraryId = libraryId;
        this.trashed = trashed;
        this.offline = offline;
        this.visibility = visibility;
        this.livePhotoVideoId = livePhotoVideoId;
        this.ownerId = ownerId;
        this.mimeType = mimeType;
        this.editedLook = editedLook;
    }

    /** A photo with edits in Immich, which it renders as an edited picture; videos' edits are not exported. */
    public boolean hasEditedPicture() {
        return editedLook != null && type == AssetType.IMAGE;
    }

    public boolean isExternal() {
        return libraryId != null;
    }

    public String id() {
        return idText != null ? idText : new UUID(idHigh, idLow).toString();
    }

    public String originalFileName() {
        return originalFileName;
    }

    public String originalPath() {
        return originalPath == null ? null : originalPath.text(id());
    }

    public AssetType type() {
        return type;
    }

    public Instant capturedAt() {
        return instant(capturedSeconds, capturedNanos);
    }

    public Instant fileModifiedAt() {
        return instant(modifiedSeconds, modifiedNanos);
    }

    public String checksumSha1() {
        if (!checksumBinary) {
            return checksumText;
        }
        return BASE64.encodeToString(ByteBuffer.allocate(20)
                .putLong(checksumHead)
                .putLong(checksumMiddle)
                .putInt(checksumTail)
                .array());
    }

    public long size() {
        return size;
    }

    public String libraryId() {
        return libraryId;
    }

    public boolean trashed() {
        return trashed;
    }

    public boolean offline() {
        return offline;
    }

    public String visibility() {
        return visibility;
    }

    public String livePhotoVideoId() {
        return livePhotoVideoId;
    }

    public String ownerId() {
        return ownerId;
    }

    public String mimeType() {
        return mimeType;
    }

    public Instant updatedAt() {
        return instant(updatedSeconds, updatedNanos);
    }

    public String editedLook() {
        return editedLook;
    }

    private static long seconds(Instant time) {
        return time == null ? NO_TIME : time.getEpochSecond();
    }

    private static Instant instant(long seconds, int nanos) {
        return seconds == NO_TIME ? null : Instant.ofEpochSecond(seconds, nanos);
    }

    /** The id as a UUID when it is one in its usual form, which it then gives back the same. */
    private static UUID uuid(String id) {
        if (id == null || id.length() != 36) {
            return null;
        }
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.toString().equals(id) ? uuid : null;
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    /** The 20 bytes of a base64 SHA-1, or null for any other text, which is then kept as it is. */
    private static byte[] sha1Bytes(String text) {
        if (text == null || text.length() != 28) {
            return null;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return bytes.length == 20 && BASE64.encodeToString(bytes).equals(text) ? bytes : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Asset asset
                && size == asset.size
                && trashed == asset.trashed
                && offline == asset.offline
                && type == asset.type
                && capturedSeconds == asset.capturedSeconds
                && capturedNanos == asset.capturedNanos
                && modifiedSeconds == asset.modifiedSeconds
                && modifiedNanos == asset.modifiedNanos
                && updatedSeconds == asset.updatedSeconds
                && updatedNanos == asset.updatedNanos
                && idHigh == asset.idHigh
                && idLow == asset.idLow
                && Objects.equals(idText, asset.idText)
                && Objects.equals(originalFileName, asset.originalFileName)
                && Objects.equals(originalPath(), asset.originalPath())
                && Objects.equals(checksumSha1(), asset.checksumSha1())
                && Objects.equals(libraryId, asset.libraryId)
                && Objects.equals(visibility, asset.visibility)
                && Objects.equals(livePhotoVideoId, asset.livePhotoVideoId)
                && Objects.equals(ownerId, asset.ownerId)
                && Objects.equals(mimeType, asset.mimeType)
                && Objects.equals(editedLook, asset.editedLook);
    }

    @Override
    public int hashCode() {
        return Objects.hash(idHigh, idLow, idText, originalFileName, capturedSeconds, size);
    }

    @Override
    public String toString() {
        return "Asset[" + id() + " " + originalFileName + " (" + type + ") at " + originalPath() + "]";
    }
}
