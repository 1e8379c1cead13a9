package app.immichexport.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** An album: an owner, the users it is shared with, and its members in the order they were added. */
final class SimulatedAlbum {

    final String id;
    volatile String name;
    final String ownerId;
    final Instant createdAt;
    /** The users it is shared with, in the order they were added, each with its role: {@code editor} or {@code viewer}. */
    final Map<String, String> sharedWith = Collections.synchronizedMap(new LinkedHashMap<>());

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
        return !deleted && (ownerId.equals(userId) || "editor".equals(sharedWith.get(userId)));
    }

    boolean visibleTo(String userId) {
        return !deleted && (ownerId.equals(userId) || sharedWith.containsKey(userId));
    }
}
