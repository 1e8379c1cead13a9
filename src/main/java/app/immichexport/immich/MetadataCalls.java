package app.immichexport.immich;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What people curated in Immich, as full sidecars carry it: the photos' details, tags and faces. */
final class MetadataCalls {

    private final ImmichCalls calls;

    MetadataCalls(ImmichCalls calls) {
        this.calls = calls;
    }

    /**
     * The album's members with their exif and the people in them: what a full sidecar holds, a
     * thousand at a time. 2.x searches only the key owner's assets; others' photos of a shared album
     * are left out.
     */
    public List<AssetMetadata> albumMetadata(String albumId) {
        List<AssetMetadata> found = new ArrayList<>();
        calls.searchAll(
                "read the metadata of album " + albumId,
                page -> new ImmichDtos.MetadataSearch(
                        List.of(albumId), page, ImmichCalls.PAGE_SIZE, true, null, null, null, true, null),
                dto -> found.add(ImmichTranslator.metadata(dto)));
        return found;
    }

    /**
     * Whether Immich takes the names of the people in face regions from the files it imports (its
     * administrator's "Import faces from metadata"): told to everyone, so no administrator's key is needed.
     */
    public boolean importsFaces() {
        return calls.call("read the server's features", calls.api::serverFeatures)
                .importFaces();
    }

    /** The key user's tags, each with its whole path ({@code tag.read}). */
    public List<TagPath> tags() {
        return calls.call("list the tags (tag.read)", calls.api::tags).stream()
                .filter(t -> t.value() != null)
                .map(t -> new TagPath(t.id(), t.value()))
                .toList();
    }

    /** The ids of the key user's assets that have the tag, or a tag below it, as Immich matches tags. */
    public Set<String> taggedAssetIds(String tagId) {
        Set<String> ids = new HashSet<>();
        calls.searchAll(
                "search the assets tagged " + tagId,
                page -> new ImmichDtos.MetadataSearch(
                        null, page, ImmichCalls.PAGE_SIZE, false, null, null, null, null, List.of(tagId)),
                dto -> ids.add(dto.id()));
        return ids;
    }

    /** The people recognised in an asset, each with the boxes of their faces ({@code face.read}). */
    public List<AssetMetadata.Person> faces(String assetId) {
        Map<String, List<AssetMetadata.FaceBox>> boxes = new LinkedHashMap<>();
        Map<String, ImmichDtos.Person> people = new LinkedHashMap<>();
        for (ImmichDtos.Face face :
                calls.call("read the faces of asset " + assetId + " (face.read)", () -> calls.api.faces(assetId))) {
            if (face.person() != null && face.person().id() != null) {
                people.putIfAbsent(face.person().id(), face.person());
                boxes.computeIfAbsent(face.person().id(), id -> new ArrayList<>())
                        .add(ImmichTranslator.box(face));
            }
        }
        return people.values().stream()
                .map(p -> new AssetMetadata.Person(
                        p.id(), p.name(), Boolean.TRUE.equals(p.isHidden()), boxes.get(p.id())))
                .toList();
    }
}
