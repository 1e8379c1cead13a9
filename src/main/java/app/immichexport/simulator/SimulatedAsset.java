package app.immichexport.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One asset in the simulated library; mutable only where Immich lets it change (trash). */
public final class SimulatedAsset {

    final String id;
    final String ownerId;
    final String originalFileName;
    final String type;
    /** When it was taken ({@code dateTimeOriginal}); changed by {@code PUT /assets/{id}}. */
    volatile Instant takenAt;

    final String libraryId;
    volatile String visibility;
    final Content content;
    /** The library that holds it, set when it is added. */
    SimulatedLibrary library;

    String livePhotoVideoId;
    /** Where an asset an external-library scan imported is in Immich's container; null for others. */
    String externalPath;
    /** The XMP sidecar Immich keeps beside the original, or null. */
    volatile Content sidecar;

    volatile boolean trashed;
    volatile boolean favorite;
    volatile String description = "";
    /** 1 to 5, or -1 for rejected; null when not rated. */
    volatile Integer rating;

    /** Ids of its tags, of the shared links that show it, and of its stack (null when not stacked). */
    final Set<String> tagIds = ConcurrentHashMap.newKeySet();

    final Set<String> sharedLinkIds = ConcurrentHashMap.newKeySet();
    volatile String stackId;

    volatile Double latitude;
    /** Where Immich's reverse geocoding placed it; null when not placed. */
    volatile String city;

    volatile String country;

    volatile Double longitude;
    /** What the file's EXIF says: its orientation (1 to 8), its size as stored, where it was taken. */
    volatile Integer orientation;

    volatile Integer storedWidth;
    volatile Integer storedHeight;
    volatile String timeZone;
    /** Its edits (crop, rotate, mirror) as Immich lists them; empty when it has none. */
    volatile java.util.List<jakarta.json.JsonObject> edits = java.util.List.of();
    /** The picture Immich rendered from its edits, and that picture's thumbhash; null without edits. */
    volatile Content edited;

    volatile String thumbhash;
    /** The faces Immich found, each perhaps of a person. */
    final java.util.List<Face> faces = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * A face in the image as shown (its orientation applied), in pixels of {@code imageWidth} ×
     * {@code imageHeight}; {@code personId} null while no person is assigned.
     */
    record Face(String id, String personId, int x1, int y1, int x2, int y2, int imageWidth, int imageHeight) {}
    /** As in Immich: bumped by any change to the asset, moving it to the trash included. */
    volatile Instant updatedAt;

    SimulatedAsset(
            String id,
            String ownerId,
            String originalFileName,
            String type,
            Instant takenAt,
            String libraryId,
            String visibility,
            Content content) {
        this.id = id;
        this.ownerId = ownerId;
        this.originalFileName = originalFileName;
        this.type = type;
        this.takenAt = takenAt;
        this.libraryId = libraryId;
        this.visibility = visibility;
        this.content = content;
        this.updatedAt = takenAt;
    }

    public String id() {
        return id;
    }

    public Instant takenAt() {
        return takenAt;
    }

    public String originalFileName() {
        return originalFileName;
    }

    public Content content() {
        return content;
    }

    /** The picture Immich rendered from its edits; null when it has none. */
    public Content editedPicture() {
        return edited;
    }

    public boolean isTrashed() {
        return trashed;
    }

    public boolean isFavorite() {
        return favorite;
    }

    public String description() {
        return description;
    }

    public Integer rating() {
        return rating;
    }

    public Set<String> tagIds() {
        return Set.copyOf(tagIds);
    }

    public Set<String> sharedLinkIds() {
        return Set.copyOf(sharedLinkIds);
    }

    public String stackId() {
        return stackId;
    }

    public String livePhotoVideoId() {
        return livePhotoVideoId;
    }

    public String visibility() {
        return visibility;
    }

    public boolean isExternal() {
        return libraryId != null;
    }

    /** The sidecar's asset-file id: derived from the asset's, so that it is stable. */
    public String sidecarId() {
        return java.util
                .UUID
                .nameUUIDFromBytes(("sidecar:" + id).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Where Immich keeps the original inside its container, as {@code originalPath} reports it. */
    public String originalPath() {
        if (externalPath != null) {
            return externalPath;
        }
        if (libraryId != null) {
            return "/mnt/external/" + originalFileName;
        }
        return (library == null ? "/data" : library.mediaLocation) + "/" + relativeUploadPath();
    }

    /** The path below Immich's upload folder: {@code upload/<user>/<xx>/<yy>/<uuid>.<ext>}. */
    public String relativeUploadPath() {
        return uploadPath(ownerId, id, extension());
    }

    public static String uploadPath(String ownerId, String id, String extension) {
        String plain = id.replace("-", "");
        return "upload/" + ownerId + "/" + plain.substring(0, 2) + "/" + plain.substring(2, 4) + "/" + id + extension;
    }

    private String extension() {
        int dot = originalFileName.lastIndexOf('.');
        return dot < 0 ? "" : originalFileName.substring(dot).toLowerCase();
    }

    String checksum() {
        // External-library assets: Immich hashes the path, not the content.
        return libraryId == null
                ? content.sha1Base64()
                : Content.of(("path:" + originalPath()).getBytes(StandardCharsets.UTF_8))
                        .sha1Base64();
    }
}
