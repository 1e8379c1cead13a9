package app.immichexport.export.job;

import app.immichexport.export.copy.SidecarContent;
import app.immichexport.export.plan.PlannedFile;
import app.immichexport.export.source.SourceMembers;
import app.immichexport.immich.Album;
import app.immichexport.immich.AlbumMembers;
import app.immichexport.immich.Asset;
import app.immichexport.immich.AssetMetadata;
import app.immichexport.immich.ImmichConnection;
import app.immichexport.immich.ImmichServer;
import app.immichexport.immich.ImmichService;
import app.immichexport.immich.TagPath;
import app.immichexport.sidecar.NamedFace;
import app.immichexport.sidecar.PhotoMetadata;
import app.immichexport.sidecar.TagLists;
import app.immichexport.sidecar.XmpSidecar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The full sidecars of a job: what Immich holds about each photo, told with the album's members on 3.x
 * (searched for on 2.x) and asked per tag rather than per photo (faces only for photos with named people, on 3.x), and written into each sidecar
 * with {@link XmpSidecar}.
 */
final class FullSidecars implements SidecarContent {

    private final Map<String, PhotoMetadata> photos;
    private final TagLists lists;

    private FullSidecars(Map<String, PhotoMetadata> photos, TagLists lists) {
        this.photos = Map.copyOf(photos);
        this.lists = lists;
    }

    /**
     * Sidecars that lie beside edited pictures instead of originals: their people are named without
     * face regions, whose boxes are in the original's frame and would miss the faces of a cropped or
     * turned picture.
     */
    FullSidecars besideEditedPictures(Set<String> assetIds) {
        Map<String, PhotoMetadata> adjusted = new HashMap<>(photos);
        assetIds.forEach(id -> adjusted.computeIfPresent(id, (key, photo) -> photo.withoutFaceRegions()));
        return new FullSidecars(adjusted, lists);
    }

    /**
     * @param warnings receives what the sidecars will lack, and why (a permission the key lacks)
     */
    static FullSidecars collect(
            ImmichService immich,
            ImmichConnection client,
            ImmichServer server,
            List<AlbumMembers> listed,
            List<SourceMembers> sourced,
            TagLists lists,
            FaceMemory faceMemory,
            List<String> warnings) {
        Map<String, Asset> assets = new LinkedHashMap<>();
        Map<String, Set<String>> albums = new HashMap<>();
        for (AlbumMembers members : listed) {
            for (Asset asset : members.assets()) {
                assets.putIfAbsent(asset.id(), asset);
                albums.computeIfAbsent(asset.id(), id -> new TreeSet<>())
                        .add(members.album().name());
            }
        }
        Map<String, AssetMetadata> known = new HashMap<>();
        for (SourceMembers source : sourced) {
            source.set().assets().forEach(asset -> assets.putIfAbsent(asset.id(), asset));
            if (source.metadata() != null) {
                source.metadata().forEach(known::putIfAbsent);
            }
        }
        for (AlbumMembers members : listed) {
            if (members.metadata() != null) {
                members.metadata().forEach(known::putIfAbsent);
            } else {
                immich.albumMetadata(client, members.album().id()).forEach(m -> known.putIfAbsent(m.assetId(), m));
            }
        }
        Map<String, List<AssetMetadata.Person>> people = people(immich, client, server, known, faceMemory, warnings);
        Map<String, Set<String>> tags = tags(immich, client, server, assets.keySet(), warnings);
        otherAlbums(immich, client, server, listed, assets.keySet(), albums);
        Map<String, PhotoMetadata> photos = new HashMap<>();
        assets.forEach((id, asset) -> photos.put(
                id,
                photo(
                        asset,
                        known.get(id),
                        people.getOrDefault(id, List.of()),
                        tags.getOrDefault(id, Set.of()),
                        albums.getOrDefault(id, Set.of()))));
        return new FullSidecars(photos, lists);
    }

    @Override
    public byte[] merge(PlannedFile file, byte[] base) throws Unmergeable {
        PhotoMetadata photo = photos.get(file.assetId());
        if (photo == null) {
            throw new Unmergeable("Immich told nothing of the photo " + file.assetId(), null);
        }
        try {
            return XmpSidecar.write(base, photo, lists);
        } catch (XmpSidecar.Unreadable e) {
            throw new Unmergeable(e.getMessage(), e);
        }
    }

    @Override
    public boolean isCurrent(PlannedFile file, byte[] written) {
        PhotoMetadata photo = photos.get(file.assetId());
        return photo != null && XmpSidecar.isMadeFrom(written, photo, lists);
    }

    /** The faces of photos' named people told by Immich earlier, for the same people. */
    interface FaceMemory {
        FaceMemory NONE = new FaceMemory() {
            @Override
            public Map<String, List<AssetMetadata.Person>> recall(Map<String, List<AssetMetadata.Person>> named) {
                return Map.of();
            }

            @Override
            public void remember(Map<String, List<AssetMetadata.Person>> told) {}
        };

        /**
         * @param named each photo's named people, as the search tells them now
         * @return the photos whose faces are remembered for exactly these people, with them
         */
        Map<String, List<AssetMetadata.Person>> recall(Map<String, List<AssetMetadata.Person>> named);

        void remember(Map<String, List<AssetMetadata.Person>> told);
    }

    /**
     * The named people of each photo with their faces: 2.x tells the faces in the search, 3.x only
     * the people, so their faces are asked for photo by photo, for the photos with named people only,
     * and only when not remembered for the same people.
     */
    private static Map<String, List<AssetMetadata.Person>> people(
            ImmichService immich,
            ImmichConnection client,
            ImmichServer server,
            Map<String, AssetMetadata> known,
            FaceMemory memory,
            List<String> warnings) {
        Map<String, List<AssetMetadata.Person>> people = new HashMap<>();
        Map<String, List<AssetMetadata.Person>> withoutFaces = new LinkedHashMap<>();
        for (AssetMetadata asset : known.values()) {
            List<AssetMetadata.Person> named = asset.people().stream()
                    .filter(p -> p.isNamed() && !p.hidden())
                    .toList();
            if (named.isEmpty()) {
                continue;
            }
            people.put(asset.assetId(), named);
            if (named.stream().allMatch(p -> p.faces().isEmpty())) {
                withoutFaces.put(asset.assetId(), named);
            }
        }
        if (withoutFaces.isEmpty()) {
            return people;
        }
        if (!server.may("face.read")) {
            warnings.add("Face regions are left out of the sidecars: the Immich API key lacks face.read "
                    + "(the people's names are written)");
            return people;
        }
        Map<String, List<AssetMetadata.Person>> recalled = memory.recall(withoutFaces);
        people.putAll(recalled);
        Map<String, List<AssetMetadata.Person>> told = new HashMap<>();
        withoutFaces.forEach((assetId, named) -> {
            if (!recalled.containsKey(assetId)) {
                Set<String> ids = new LinkedHashSet<>(
                        named.stream().map(AssetMetadata.Person::id).toList());
                told.put(
                        assetId,
                        immich.faces(client, assetId).stream()
                                .filter(p -> ids.contains(p.id()))
                                .toList());
            }
        });
        people.putAll(told);
        memory.remember(told);
        return people;
    }

    /**
     * Each photo's tags, one search per tag. Immich finds a photo under a tag also when it has a tag
     * below it, so of a photo's tags only the deepest of each branch are kept: they name the others.
     */
    private static Map<String, Set<String>> tags(
            ImmichService immich,
            ImmichConnection client,
            ImmichServer server,
            Set<String> assetIds,
            List<String> warnings) {
        if (!server.may("tag.read")) {
            warnings.add("Tags are left out of the sidecars: the Immich API key lacks tag.read");
            return Map.of();
        }
        Map<String, Set<String>> found = new HashMap<>();
        for (TagPath tag : immich.tags(client)) {
            for (String id : immich.taggedAssetIds(client, tag.id())) {
                if (assetIds.contains(id)) {
                    found.computeIfAbsent(id, k -> new TreeSet<>()).add(tag.path());
                }
            }
        }
        Map<String, Set<String>> deepest = new HashMap<>();
        found.forEach((id, paths) -> deepest.put(
                id,
                new TreeSet<>(paths.stream()
                        .filter(p -> paths.stream().noneMatch(other -> other.startsWith(p + "/")))
                        .toList())));
        return deepest;
    }

    /**
     * The photos' other albums, those the job does not export: listed album by album when they are
     * fewer than the photos, else asked photo by photo.
     */
    private static void otherAlbums(
            ImmichService immich,
            ImmichConnection client,
            ImmichServer server,
            List<AlbumMembers> listed,
            Set<String> assetIds,
            Map<String, Set<String>> albums) {
        Set<String> exported = new LinkedHashSet<>();
        listed.forEach(m -> exported.add(m.album().id()));
        Map<String, Album> others = new LinkedHashMap<>();
        immich.albums(client).stream().filter(a -> !exported.contains(a.id())).forEach(a -> others.put(a.id(), a));
        if (others.isEmpty()) {
            return;
        }
        if (others.size() <= assetIds.size()) {
            for (Album album : others.values()) {
                immich.members(client, server, album).assets().stream()
                        .map(Asset::id)
                        .filter(assetIds::contains)
                        .forEach(id ->
                                albums.computeIfAbsent(id, k -> new TreeSet<>()).add(album.name()));
            }
        } else {
            for (String id : assetIds) {
                for (String albumId : immich.albumIdsOf(client, server, id)) {
                    Album album = others.get(albumId);
                    if (album != null) {
                        albums.computeIfAbsent(id, k -> new TreeSet<>()).add(album.name());
                    }
                }
            }
        }
    }

    private static PhotoMetadata photo(
            Asset asset, AssetMetadata known, List<AssetMetadata.Person> people, Set<String> tags, Set<String> albums) {
        List<NamedFace> faces = new ArrayList<>();
        for (AssetMetadata.Person person : people) {
            for (AssetMetadata.FaceBox box : person.faces()) {
                if (box.imageWidth() > 0 && box.imageHeight() > 0) {
                    faces.add(new NamedFace(
                            person.name(),
                            box.x1(),
                            box.y1(),
                            box.x2(),
                            box.y2(),
                            box.imageWidth(),
                            box.imageHeight()));
                }
            }
        }
        List<String> names = people.stream().map(AssetMetadata.Person::name).toList();
        if (known == null) {
            // another user's photo of a shared album, which a 2.x search does not return
            return new PhotoMetadata(
                    asset.id(),
                    asset.ownerId(),
                    null,
                    null,
                    asset.capturedAt(),
                    null,
                    null,
                    null,
                    List.copyOf(tags),
                    List.copyOf(albums),
                    names,
                    faces,
                    false,
                    asset.visibility(),
                    0,
                    null,
                    null);
        }
        return new PhotoMetadata(
                asset.id(),
                asset.ownerId(),
                known.description(),
                known.rating(),
                known.takenAt() != null ? known.takenAt() : asset.capturedAt(),
                known.timeZone(),
                known.latitude(),
                known.longitude(),
                List.copyOf(tags),
                List.copyOf(albums),
                names,
                faces,
                known.favorite(),
                known.visibility(),
                known.orientation(),
                known.storedWidth(),
                known.storedHeight());
    }
}
