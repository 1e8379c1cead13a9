package app.immichexport.simulator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** The users, API keys, albums and assets of a simulated Immich server. Ids are deterministic. */
public final class SimulatedLibrary {

    record User(String id, String name, String email) {}

    record Key(String id, String name, String userId, Set<String> permissions, Instant createdAt) {}

    /** An external library: what {@code GET /libraries} tells of it. */
    record ExternalLibrary(
            String id,
            String name,
            String ownerId,
            List<String> importPaths,
            List<String> exclusionPatterns,
            Instant createdAt) {}

    /** A tag of one user; {@code value} is its full path. */
    record Tag(String id, String ownerId, String value, Instant createdAt) {}

    /** A person Immich recognised; named by a user, or not ({@code ""}). */
    record Person(String id, String ownerId, String name, boolean hidden, Instant updatedAt) {}

    private volatile boolean importFaces;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final Set<String> admins = ConcurrentHashMap.newKeySet();
    private final Map<String, ExternalLibrary> externalLibraries = new ConcurrentHashMap<>();
    private final Map<String, Path> mounts = new ConcurrentHashMap<>();
    private final Map<String, String> stackPrimaries = new ConcurrentHashMap<>();
    private final Map<String, SimulatedAlbum> albums = new ConcurrentHashMap<>();
    private final List<String> albumOrder = new CopyOnWriteArrayList<>();
    private final Map<String, SimulatedAsset> assets = new ConcurrentHashMap<>();
    private final Map<String, Tag> tags = new ConcurrentHashMap<>();
    private final Map<String, Person> people = new ConcurrentHashMap<>();
    final Instant epoch = Instant.parse("2026-01-01T00:00:00Z");

    private String nextId(String kind) {
        return UUID.nameUUIDFromBytes((kind + ":" + sequence.incrementAndGet()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * Where Immich's container keeps its media folder: {@code /data} in current installs,
     * {@code /usr/src/app/upload} in older ones. Every {@code originalPath} starts with it.
     */
    public volatile String mediaLocation = "/data";

    /** Adds a user; as in Immich, the first one is the administrator. */
    public String addUser(String name, String email) {
        String id = nextId("user");
        users.put(id, new User(id, name, email));
        if (users.size() == 1) {
            admins.add(id);
        }
        return id;
    }

    public String userIdNamed(String name) {
        return users.values().stream()
                .filter(u -> u.name().equals(name))
                .map(User::id)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no user " + name));
    }

    /** The id of the external library of this name. */
    public Optional<String> externalLibraryId(String name) {
        return externalLibraries().stream()
                .filter(l -> l.name().equals(name))
                .map(ExternalLibrary::id)
                .findFirst();
    }

    boolean isAdmin(String userId) {
        return admins.contains(userId);
    }

    /** @param importPaths folders as Immich's container sees them */
    public String addExternalLibrary(
            String name, String ownerId, List<String> importPaths, List<String> exclusionPatterns) {
        String id = nextId("library");
        externalLibraries.put(
                id,
                new ExternalLibrary(
                        id, name, ownerId, List.copyOf(importPaths), List.copyOf(exclusionPatterns), epoch));
        return id;
    }

    /** The administrator's "Import faces from metadata" (off, as Immich's default). */
    public void importFaces(boolean on) {
        importFaces = on;
    }

    boolean importsFaces() {
        return importFaces;
    }

    /** Where a folder of Immich's container is on this machine, for the scans of external libraries. */
    public void mount(String immichPath, Path local) {
        mounts.put(immichPath, local.toAbsolutePath().normalize());
    }

    Optional<ExternalLibrary> externalLibrary(String id) {
        return Optional.ofNullable(externalLibraries.get(id));
    }

    /**
     * Imports the media files below the library's import paths that it does not hold yet, as Immich's
     * scan does: hidden files, unknown extensions and files matching an exclusion pattern are left out.
     *
     * @return the assets imported
     */
    synchronized List<SimulatedAsset> scan(ExternalLibrary external) {
        Set<String> known = assets.values().stream()
                .filter(a -> external.id().equals(a.libraryId))
                .map(SimulatedAsset::originalPath)
                .collect(Collectors.toSet());
        List<SimulatedAsset> imported = new ArrayList<>();
        for (String importPath : external.importPaths()) {
            for (ExternalScan.Found found : ExternalScan.files(importPath, mounts, external.exclusionPatterns())) {
                if (known.add(found.immichPath())) {
                    SimulatedAsset asset = new SimulatedAsset(
                            nextId("asset"),
                            external.ownerId(),
                            found.fileName(),
                            found.type(),
                            found.modifiedAt(),
                            external.id(),
                            "timeline",
                            found.content());
                    asset.externalPath = found.immichPath();
                    imported.add(add(null, asset));
                }
            }
        }
        return imported;
    }

    /** Scans the external library of this name at once, as Immich's nightly scan would; for tests. */
    public List<SimulatedAsset> scanLibraryNamed(String name) {
        return externalLibraries().stream()
                .filter(l -> l.name().equals(name))
                .findFirst()
                .map(this::scan)
                .orElseThrow(() -> new IllegalArgumentException("No external library " + name));
    }

    List<ExternalLibrary> externalLibraries() {
        return externalLibraries.values().stream()
                .sorted(Comparator.comparing(ExternalLibrary::createdAt).thenComparing(ExternalLibrary::id))
                .toList();
    }

    /** @param permissions Immich permission names, or {@code all} */
    public void addKey(String secret, String userId, String name, Set<String> permissions) {
        keys.put(secret, new Key(nextId("key"), name, userId, Set.copyOf(permissions), epoch));
    }

    public String addAlbum(String name, String ownerId) {
        String id = nextId("album");
        albums.put(id, new SimulatedAlbum(id, name, ownerId, epoch));
        albumOrder.add(id);
        return id;
    }

    /** A user's tag, e.g. {@code Trips/Alps}. */
    public String addTag(String ownerId, String value) {
        String id = nextId("tag");
        tags.put(id, new Tag(id, ownerId, value, epoch));
        return id;
    }

    Optional<Tag> tag(String id) {
        return Optional.ofNullable(tags.get(id));
    }

    /** A user's tags, in the order of their paths. */
    List<Tag> tagsOf(String ownerId) {
        return tags.values().stream()
                .filter(t -> t.ownerId().equals(ownerId))
                .sorted(java.util.Comparator.comparing(Tag::value))
                .toList();
    }

    /** A person of the user's library, named (or "" for one nobody named yet); returns its id. */
    public String addPerson(String ownerId, String name, boolean hidden) {
        String id = nextId("person");
        people.put(id, new Person(id, ownerId, name, hidden, epoch));
        return id;
    }

    Optional<Person> person(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(people.get(id));
    }

    /**
     * A face Immich found in the asset, of the person given (or none), its box in the image as it is
     * shown, in pixels of {@code imageWidth} × {@code imageHeight}.
     */
    public void addFace(
            SimulatedAsset asset, String personId, int x1, int y1, int x2, int y2, int imageWidth, int imageHeight) {
        asset.faces.add(new SimulatedAsset.Face(nextId("face"), personId, x1, y1, x2, y2, imageWidth, imageHeight));
        asset.updatedAt = changeTime();
    }

    /** What the file's EXIF says of its orientation, its size as stored and where it was taken. */
    public void setExif(SimulatedAsset asset, int orientation, int storedWidth, int storedHeight, String timeZone) {
        asset.orientation = orientation;
        asset.storedWidth = storedWidth;
        asset.storedHeight = storedHeight;
        asset.timeZone = timeZone;
    }

    /** Places an asset, as Immich's map does. */
    /** Takes a person's faces off an asset, as when a face is reassigned in Immich. */
    public void removeFaces(SimulatedAsset asset, String personId) {
        asset.faces.removeIf(f -> personId.equals(f.personId()));
        asset.updatedAt = changeTime();
    }

    /** Places the asset in a city and country, as Immich's reverse geocoding names them. */
    public void place(SimulatedAsset asset, String city, String country) {
        asset.city = city;
        asset.country = country;
        asset.updatedAt = changeTime();
    }

    /** The user's people, named ones first by name, as {@code GET /people} lists them. */
    List<Person> peopleOf(String ownerId) {
        return people.values().stream()
                .filter(p -> p.ownerId().equals(ownerId))
                .sorted(java.util.Comparator.comparing((Person p) -> p.name().isEmpty())
                        .thenComparing(Person::name)
                        .thenComparing(Person::id))
                .toList();
    }

    public void place(SimulatedAsset asset, double latitude, double longitude) {
        asset.latitude = latitude;
        asset.longitude = longitude;
        asset.updatedAt = changeTime();
    }

    /** Takes a tag off an asset, as its owner does in Immich's app. */
    public void untagAsset(SimulatedAsset asset, String tagId) {
        if (asset.tagIds.remove(tagId)) {
            asset.updatedAt = changeTime();
        }
    }

    /** Tags an asset, as {@code PUT /tags/assets} does; false when it had the tag already. */
    boolean tag(SimulatedAsset asset, String tagId) {
        boolean added = asset.tagIds.add(tagId);
        if (added) {
            asset.updatedAt = changeTime();
        }
        return added;
    }

    /** Gives an asset a tag, as its owner does in Immich's app. */
    public void tagAsset(SimulatedAsset asset, String tagId) {
        tag(asset, tagId);
    }

    /** Shares an asset by a link of its own; returns the link's id. */
    public String addSharedLink(SimulatedAsset asset) {
        String id = nextId("shared-link");
        asset.sharedLinkIds.add(id);
        return id;
    }

    /** Stacks assets, the first on top; returns the stack's id. */
    public String stack(SimulatedAsset... stacked) {
        String id = nextId("stack");
        for (SimulatedAsset asset : stacked) {
            asset.stackId = id;
        }
        stackPrimaries.put(id, stacked[0].id);
        return id;
    }

    /** Makes another photo of a stack the one Immich shows for it. */
    public void makePrimary(SimulatedAsset asset) {
        stackPrimaries.put(asset.stackId, asset.id);
    }

    /** The stack's primary asset's id, by stack id. */
    Map<String, String> stackPrimaries() {
        return stackPrimaries;
    }

    /**
     * Adds an edit to a photo as Immich 2.5 and later keep it ({@code crop} with x, y, width, height;
     * {@code rotate} with angle; {@code mirror} with axis) and renders its edited picture again, which
     * changes the picture's look (its thumbhash).
     */
    public void edit(SimulatedAsset asset, String action, Map<String, Object> parameters) {
        jakarta.json.JsonObjectBuilder values = WireJson.JSON.createObjectBuilder();
        parameters.forEach((name, value) -> {
            if (value instanceof Number number) {
                values.add(name, number.doubleValue() == number.intValue() ? number.intValue() : number.doubleValue());
            } else {
                values.add(name, String.valueOf(value));
            }
        });
        List<jakarta.json.JsonObject> edits = new ArrayList<>(asset.edits);
        edits.add(WireJson.JSON
                .createObjectBuilder()
                .add("id", nextId("edit"))
                .add("action", action)
                .add("parameters", values)
                .build());
        asset.edits = List.copyOf(edits);
        render(asset);
    }

    /** Removes a photo's edits: Immich serves its original again. */
    public void removeEdits(SimulatedAsset asset) {
        asset.edits = List.of();
        asset.edited = null;
        asset.thumbhash = null;
        asset.updatedAt = changeTime();
    }

    /** A picture as Immich renders one from the original and its edits: a JPEG of its own. */
    private void render(SimulatedAsset asset) {
        String recipe = asset.id + asset.edits;
        byte[] body = ("edited picture of " + recipe).repeat(40).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] jpeg = new byte[body.length + 4];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        System.arraycopy(body, 0, jpeg, 2, body.length);
        jpeg[jpeg.length - 2] = (byte) 0xFF;
        jpeg[jpeg.length - 1] = (byte) 0xD9;
        asset.edited = Content.of(jpeg);
        asset.thumbhash = asset.edited.sha1Base64().substring(0, 16);
        asset.updatedAt = changeTime();
    }

    /** Chooses an album's cover, as its owner does in Immich. */
    public void setCover(String albumId, String assetId) {
        albums.get(albumId).thumbnailAssetId = assetId;
    }

    /** The cover Immich shows: the chosen one while it is a member outside the trash, else the first member. */
    String coverOf(SimulatedAlbum album) {
        List<SimulatedAsset> members = members(album);
        return members.stream()
                .filter(a -> a.id.equals(album.thumbnailAssetId))
                .findFirst()
                .or(() -> members.stream().findFirst())
                .map(a -> a.id)
                .orElse(null);
    }

    /** The album's cover as Immich reports it, for tests. */
    public String coverOf(String albumId) {
        return coverOf(albums.get(albumId));
    }

    /** Whether the album is still there, not deleted, for tests. */
    public boolean hasAlbum(String albumId) {
        return album(albumId).isPresent();
    }

    /** The ids of the users an album is shared with, for tests. */
    public List<String> sharedWith(String albumId) {
        SimulatedAlbum album = albums.get(albumId);
        synchronized (album.sharedWith) {
            return List.copyOf(album.sharedWith.keySet());
        }
    }

    /**
     * As {@code PUT /assets/{id}} with {@code livePhotoVideoId}: the video becomes the still's motion
     * part and leaves the timeline.
     */
    void linkMotionPart(SimulatedAsset still, SimulatedAsset motion) {
        still.livePhotoVideoId = motion.id;
        motion.visibility = "hidden";
        motion.updatedAt = changeTime();
    }

    public void shareAlbum(String albumId, String userId) {
        shareAlbum(albumId, userId, "editor");
    }

    /** @param role {@code editor} or {@code viewer} */
    public void shareAlbum(String albumId, String userId, String role) {
        albums.get(albumId).sharedWith.put(userId, role);
    }

    /** The role of a user an album is shared with, for tests. */
    public String roleIn(String albumId, String userId) {
        return albums.get(albumId).sharedWith.get(userId);
    }

    public void describeAlbum(String albumId, String description) {
        albums.get(albumId).description = description;
    }

    /** The album's description, for tests. */
    public String descriptionOf(String albumId) {
        return albums.get(albumId).description;
    }

    /** The albums of this name that are not deleted, for tests. */
    public List<String> albumIdsNamed(String name) {
        return albums().stream().filter(a -> a.name.equals(name)).map(a -> a.id).toList();
    }

    List<User> users() {
        return users.values().stream().sorted(Comparator.comparing(User::id)).toList();
    }

    /** An asset whose id is given, e.g. to match a file already placed in an upload folder. */
    public SimulatedAsset addAssetWithId(
            String id, String albumId, String ownerId, String fileName, Instant takenAt, Content content) {
        return add(albumId, new SimulatedAsset(id, ownerId, fileName, "IMAGE", takenAt, null, "timeline", content));
    }

    /** Adds an asset uploaded to Immich and, when {@code albumId} is not null, makes it a member. */
    public SimulatedAsset addAsset(
            String albumId, String ownerId, String fileName, String type, Instant takenAt, Content content) {
        return add(
                albumId,
                new SimulatedAsset(nextId("asset"), ownerId, fileName, type, takenAt, null, "timeline", content));
    }

    public SimulatedAsset addArchivedAsset(
            String albumId, String ownerId, String fileName, Instant takenAt, Content content) {
        return add(
                albumId,
                new SimulatedAsset(nextId("asset"), ownerId, fileName, "IMAGE", takenAt, null, "archive", content));
    }

    /** An asset of an external library: Immich's checksum hashes its path, not its bytes. */
    public SimulatedAsset addExternalAsset(
            String albumId, String ownerId, String fileName, Instant takenAt, Content content) {
        return add(
                albumId,
                new SimulatedAsset(
                        nextId("asset"), ownerId, fileName, "IMAGE", takenAt, nextId("library"), "timeline", content));
    }

    /** The motion part of a live photo: a hidden video asset the still points to, not an album member. */
    public SimulatedAsset addLivePhotoMotion(SimulatedAsset still, String fileName, Content content) {
        SimulatedAsset motion = add(
                null,
                new SimulatedAsset(
                        nextId("asset"), still.ownerId, fileName, "VIDEO", still.takenAt, null, "hidden", content));
        still.livePhotoVideoId = motion.id;
        return motion;
    }

    private SimulatedAsset add(String albumId, SimulatedAsset asset) {
        asset.library = this;
        assets.put(asset.id, asset);
        if (albumId != null) {
            SimulatedAlbum album = albums.get(albumId);
            album.assetIds.add(asset.id);
            album.updatedAt = changeTime();
        }
        return asset;
    }

    /** Puts an asset that is already in the library into another album, as a user does in Immich. */
    public void addToAlbum(String albumId, String assetId) {
        SimulatedAlbum album = albums.get(albumId);
        if (!album.assetIds.contains(assetId)) {
            album.assetIds.add(assetId);
            album.updatedAt = changeTime();
        }
    }

    /** Renames an album, as its owner does in Immich: the album counts as updated. */
    public void renameAlbum(String albumId, String name) {
        SimulatedAlbum album = albums.get(albumId);
        album.name = name;
        album.updatedAt = changeTime();
    }

    /**
     * Takes an asset out of an album, as a user does in Immich; the asset stays in the library.
     *
     * @return whether the album held it
     */
    public synchronized boolean removeFromAlbum(String albumId, String assetId) {
        SimulatedAlbum album = albums.get(albumId);
        if (album.assetIds.remove(assetId)) {
            album.updatedAt = changeTime();
            return true;
        }
        return false;
    }

    /**
     * As {@code PUT /assets/copy}: the target joins every album of the source, its shared links and its
     * stack, and takes its favourite and its sidecar.
     */
    synchronized void copy(SimulatedAsset source, SimulatedAsset target, Set<String> what) {
        if (what.contains("albums")) {
            for (SimulatedAlbum album : this.albums.values()) {
                if (album.assetIds.contains(source.id) && !album.assetIds.contains(target.id)) {
                    album.assetIds.add(target.id);
                    album.updatedAt = changeTime();
                }
            }
        }
        if (what.contains("sharedLinks")) {
            target.sharedLinkIds.addAll(source.sharedLinkIds);
        }
        if (what.contains("stack") && source.stackId != null) {
            target.stackId = source.stackId;
        }
        if (what.contains("favorite")) {
            target.favorite = source.favorite;
        }
        if (what.contains("sidecar") && source.sidecar != null) {
            target.sidecar = source.sidecar;
        }
        target.updatedAt = changeTime();
    }

    /** Gives an asset what a person sets in Immich's app. */
    public void describe(SimulatedAsset asset, String description, Integer rating, boolean favorite) {
        asset.description = description;
        asset.rating = rating;
        asset.favorite = favorite;
        asset.updatedAt = changeTime();
    }

    /** The asset whose original is at this path in Immich's container, if any. */
    public Optional<SimulatedAsset> assetAt(String originalPath) {
        return assets.values().stream()
                .filter(a -> a.originalPath().equals(originalPath))
                .findFirst();
    }

    /** Marks an asset changed, as Immich bumps {@code updatedAt} on every update. */
    void touch(SimulatedAsset asset) {
        asset.updatedAt = changeTime();
    }

    /** Moves an asset to the trash, as its owner does in Immich's app. */
    public void trashAsset(SimulatedAsset asset) {
        trash(asset);
    }

    /** Moves an asset into the locked folder, where only a PIN shows it. */
    public void lock(SimulatedAsset asset) {
        asset.visibility = "locked";
        asset.updatedAt = changeTime();
    }

    /** Moves an asset to the trash, as Immich does for a delete without force. */
    void trash(SimulatedAsset asset) {
        asset.trashed = true;
        asset.updatedAt = changeTime();
    }

    /** Now, but never before the library's epoch, so that every change is later than the initial state. */
    private Instant changeTime() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return now.isAfter(epoch) ? now : epoch.plusMillis(sequence.incrementAndGet());
    }

    /** Gives an asset an XMP sidecar, as Immich keeps one when the photo came with it or was edited. */
    public void addSidecar(SimulatedAsset asset, Content content) {
        asset.sidecar = content;
        asset.updatedAt = changeTime();
    }

    Collection<SimulatedAsset> assets() {
        return List.copyOf(assets.values());
    }

    Optional<SimulatedAsset> assetBySidecarId(String fileId) {
        return assets.values().stream()
                .filter(a -> a.sidecar != null && a.sidecarId().equals(fileId))
                .findFirst();
    }

    Optional<Key> key(String secret) {
        return Optional.ofNullable(secret).map(keys::get);
    }

    User user(String id) {
        return users.get(id);
    }

    Optional<String> userIdByName(String name) {
        return users.values().stream()
                .filter(u -> u.name().equals(name))
                .map(User::id)
                .findFirst();
    }

    Optional<SimulatedAlbum> album(String id) {
        return Optional.ofNullable(albums.get(id)).filter(a -> !a.deleted);
    }

    public Optional<SimulatedAsset> asset(String id) {
        return Optional.ofNullable(assets.get(id));
    }

    List<SimulatedAlbum> albums() {
        List<SimulatedAlbum> list = new ArrayList<>();
        for (String id : albumOrder) {
            SimulatedAlbum album = albums.get(id);
            if (!album.deleted) {
                list.add(album);
            }
        }
        return list;
    }

    /** The album's members that are not in the trash, in the order they were added. */
    List<SimulatedAsset> members(SimulatedAlbum album) {
        return album.assetIds.stream().map(assets::get).filter(a -> !a.trashed).toList();
    }

    public List<String> albumIds() {
        return albums().stream().map(a -> a.id).toList();
    }

    /** The ids of an album's members, in the order they were added. */
    public List<String> memberIds(String albumId) {
        return List.copyOf(albums.get(albumId).assetIds);
    }

    /** Assets by their original file name, for tests. */
    public List<SimulatedAsset> assetsNamed(String fileName) {
        return assets.values().stream()
                .filter(a -> a.originalFileName.equals(fileName))
                .toList();
    }

    public String albumIdByName(String name) {
        return albums().stream()
                .filter(a -> a.name.equals(name))
                .map(a -> a.id)
                .findFirst()
                .orElseThrow();
    }

    /** Whether a user may see an asset: their own, or a member of an album they can see. */
    boolean canSee(String userId, SimulatedAsset asset) {
        return asset.ownerId.equals(userId)
                || albums().stream()
                        .anyMatch(a -> a.visibleTo(userId)
                                && (a.assetIds.contains(asset.id)
                                        || a.assetIds.stream()
                                                .map(assets::get)
                                                .anyMatch(s -> asset.id.equals(s.livePhotoVideoId))));
    }

    void delete(SimulatedAlbum album) {
        album.deleted = true;
    }

    void remove(SimulatedAsset asset) {
        assets.remove(asset.id);
    }
}
