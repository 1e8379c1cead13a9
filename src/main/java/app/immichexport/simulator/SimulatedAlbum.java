package app.immichexport.simulator;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An album: an owner, the users it is shared with, and its members in the order they were added. */
final class SimulatedAlbum {

    final String id;
    volatile String name;
    final String ownerId;
    final Instant createdAt;
    final List<String> sharedWith = new CopyOnWriteArrayList<>();
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

    boolean visibleTo(String userId) {
        return !deleted && (ownerId.equals(userId) || sharedWith.contains(userId));
    }
}
