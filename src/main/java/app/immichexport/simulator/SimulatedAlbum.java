package app.immichexport.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An album: an owner, the users it is shared with, and its members in the order they were added. */
final class SimulatedAlbum {

    final String id;
    volatile String name;
    final String ownerId;
    final Instant createdAt;
    final List<String> sharedWith = new CopyOnWriteArrayList<>();
    /** The role of each user it is shared with: {@code editor} or {@code viewer}. */
    final Map<String, String> roles = new ConcurrentHashMap<>();

    volatile String description = "";
    final List<String> assetIds = new CopyOnWriteArrayList<>();
    volatile boolean deleted;
    /** The cover its owner chose; null shows the first member. */
    volatile String thumbnailAssetId;
    /** As in Immich: bumped when members are added or removed. */
    volatile Instant updatedAt;

    SimulatedAlbum(String id, String name, String ownerId, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.ownerId = ownerId;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Whether the user may add assets to it: its owner, or an editor it is shared with. */
    boolean editableBy(String userId) {
        return !deleted && (ownerId.equals(userId) || "editor".equals(roles.get(userId)));
    }

    boolean visibleTo(String userId) {
        return !deleted && (ownerId.equals(userId) || sharedWith.contains(userId));
    }
}
