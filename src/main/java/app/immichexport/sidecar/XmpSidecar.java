package app.immichexport.sidecar;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
import com.adobe.internal.xmp.XMPPathFactory;
import com.adobe.internal.xmp.XMPSchemaRegistry;
import com.adobe.internal.xmp.options.PropertyOptions;
import com.adobe.internal.xmp.options.SerializeOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A photo's metadata written into an XMP sidecar with Adobe's XMP Toolkit, merged into what is there
 * already (Immich's own sidecar, or one another program wrote). Other properties are kept. Of the
 * lists it shares with other programs (keywords, people, face regions) it replaces only the entries
 * it wrote itself, which it notes in a namespace of its own, and so it does with the single values
 * Immich may no longer have. It never writes an orientation: that would override the file's own.
 */
public final class XmpSidecar {

    /** This application's own properties: Immich's ids, the favourite and visibility, what it wrote. */
    public static final String NS_OWN = "urn:immich-album-export:xmp:1.0/";

    static final String NS_DIGIKAM = "http://www.digikam.org/ns/1.0/";
    static final String NS_LIGHTROOM = "http://ns.adobe.com/lightroom/1.0/";
    static final String NS_REGIONS = "http://www.metadataworkinggroup.com/schemas/regions/";
    static final String NS_AREA = "http://ns.adobe.com/xmp/sType/Area#";
    static final String NS_DIMENSIONS = XMPConst.TYPE_DIMENSIONS;

    /** Stands for a {@code /} inside an album's or person's name, where {@code /} separates levels. */
    static final char SLASH_IN_NAME = '\u2215';

    private static final DateTimeFormatter XMP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final String REGIONS = "Regions";
    private static final String REGION_LIST = REGIONS + "/mwg-rs:RegionList";

    static {
        XMPSchemaRegistry registry = XMPMetaFactory.getSchemaRegistry();
        try {
            registry.registerNamespace(NS_OWN, "immichExport");
            registry.registerNamespace(NS_DIGIKAM, "digiKam");
            registry.registerNamespace(NS_LIGHTROOM, "lr");
            registry.registerNamespace(NS_REGIONS, "mwg-rs");
            registry.registerNamespace(NS_AREA, "stArea");
            registry.registerNamespace(NS_DIMENSIONS, "stDim");
        } catch (XMPException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A sidecar that is there but cannot be read as XMP: it is left as it is. */
    public static final class Unreadable extends Exception {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private XmpSidecar() {}

    /**
     * @param existing the sidecar there now (Immich's own, or one another program wrote), or null
     * @return the sidecar with the photo's metadata, in UTF-8
     */
    public static byte[] write(byte[] existing, PhotoMetadata photo, TagLists lists) throws Unreadable {
        try {
            XMPMeta meta = existing == null || existing.length == 0
                    ? XMPMetaFactory.create()
                    : XMPMetaFactory.parseFromBuffer(existing);
            Written before = Written.readFrom(meta);
            Written now = new Written(keywords(photo, lists), names(photo.people()), new LinkedHashSet<>());
            setSingleValues(meta, photo, before, now);
            meta.setProperty(NS_OWN, "MadeFrom", madeFrom(photo, lists));
            setKeywords(meta, before, now);
            setPeople(meta, photo, before, now);
            now.writeTo(meta);
            meta.sort();
            byte[] written = XMPMetaFactory.serializeToBuffer(meta, new SerializeOptions().setOmitPacketWrapper(true));
            String description = description(photo);
            return description == null ? written : ImageDescription.add(written, description);
        } catch (XMPException | IOException e) {
            throw new Unreadable(e.getMessage(), e);
        }
    }

    /**
     * Whether this sidecar was written by {@link #write} from this very metadata: writing it again
     * would then change nothing, so a re-run with nothing changed in Immich need not parse it.
     */
    public static boolean isMadeFrom(byte[] sidecar, PhotoMetadata photo, TagLists lists) {
        return new String(sidecar, StandardCharsets.UTF_8).contains(madeFrom(photo, lists));
    }

    /** A digest of what a sidecar is written from, and of how it is written (the version before it). */
    static String madeFrom(PhotoMetadata photo, TagLists lists) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-1").digest((photo + "|" + lists).getBytes(StandardCharsets.UTF_8));
            return "1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    private static void setSingleValues(XMPMeta meta, PhotoMetadata photo, Written before, Written now)
            throws XMPException {
        // tiff:ImageDescription, an alias of it, is added once the rest is written
        String description = description(photo);
        if (description != null) {
            meta.deleteProperty(XMPConst.NS_DC, "description");
            meta.setLocalizedText(XMPConst.NS_DC, "description", "", XMPConst.X_DEFAULT, description);
        }
        single(meta, XMPConst.NS_DC, "description", description != null, before, now);
        if (photo.isRated()) {
            meta.setPropertyInteger(XMPConst.NS_XMP, "Rating", photo.rating());
        }
        single(meta, XMPConst.NS_XMP, "Rating", photo.isRated(), before, now);
        String taken =
                photo.takenAt() == null ? null : XMP_DATE.format(photo.takenAt().atOffset(offset(photo)));
        for (String[] field : List.of(
                new String[] {XMPConst.NS_EXIF, "DateTimeOriginal"},
                new String[] {XMPConst.NS_PHOTOSHOP, "DateCreated"})) {
            if (taken != null) {
                meta.setProperty(field[0], field[1], taken);
            }
            single(meta, field[0], field[1], taken != null, before, now);
        }
        if (photo.hasPlace()) {
            meta.setProperty(XMPConst.NS_EXIF, "GPSLatitude", coordinate(photo.latitude(), 'N', 'S'));
            meta.setProperty(XMPConst.NS_EXIF, "GPSLongitude", coordinate(photo.longitude(), 'E', 'W'));
        }
        single(meta, XMPConst.NS_EXIF, "GPSLatitude", photo.hasPlace(), before, now);
        single(meta, XMPConst.NS_EXIF, "GPSLongitude", photo.hasPlace(), before, now);
        meta.setProperty(NS_OWN, "AssetId", photo.assetId());
        if (photo.ownerId() != null) {
            meta.setProperty(NS_OWN, "OwnerId", photo.ownerId());
        }
        meta.setPropertyBoolean(NS_OWN, "Favorite", photo.favorite());
        if (photo.visibility() != null) {
            meta.setProperty(NS_OWN, "Visibility", photo.visibility());
        }
    }

    private static String description(PhotoMetadata photo) {
        return photo.description() == null || photo.description().isBlank() ? null : photo.description();
    }

    /** A single value set now is noted as this application's; one it set before and not now is removed. */
    private static void single(XMPMeta meta, String ns, String name, boolean setNow, Written before, Written now)
            throws XMPException {
        String key = key(ns, name);
        if (setNow) {
            now.fields().add(key);
        } else if (before.fields().contains(key)) {
            meta.deleteProperty(ns, name);
        }
    }

    private static String key(String ns, String name) {
        String prefix = XMPMetaFactory.getSchemaRegistry().getNamespacePrefix(ns);
        return (prefix == null ? ns : prefix) + name;
    }

    private static void setKeywords(XMPMeta meta, Written before, Written now) throws XMPException {
        replaceOwn(meta, NS_DIGIKAM, "TagsList", ordered(), before.keywords(), now.keywords());
        replaceOwn(
                meta,
                NS_LIGHTROOM,
                "hierarchicalSubject",
                unordered(),
                before.keywords().stream().map(XmpSidecar::hierarchical).toList(),
                now.keywords().stream().map(XmpSidecar::hierarchical).toList());
        replaceOwn(
                meta,
                XMPConst.NS_DC,
                "subject",
                unordered(),
                before.keywords().stream().map(XmpSidecar::leaf).toList(),
                now.keywords().stream().map(XmpSidecar::leaf).distinct().toList());
    }

    private static void setPeople(XMPMeta meta, PhotoMetadata photo, Written before, Written now) throws XMPException {
        replaceOwn(meta, XMPConst.NS_IPTCEXT, "PersonInImage", unordered(), before.people(), now.people());
        if (meta.doesPropertyExist(NS_REGIONS, REGION_LIST)) {
            for (int i = meta.countArrayItems(NS_REGIONS, REGION_LIST); i >= 1; i--) {
                String item = XMPPathFactory.composeArrayItemPath(REGION_LIST, i);
                if ("Face".equals(field(meta, item, NS_REGIONS, "Type"))
                        && before.people().contains(field(meta, item, NS_REGIONS, "Name"))) {
                    meta.deleteArrayItem(NS_REGIONS, REGION_LIST, i);
                }
            }
        }
        List<FaceRegion> regions = photo.faces().stream()
                .map(face -> FaceRegion.of(face, photo.orientation()))
                .toList();
        if (!regions.isEmpty()) {
            setDimensions(meta, photo);
            for (FaceRegion region : regions) {
                meta.appendArrayItem(
                        NS_REGIONS,
                        REGION_LIST,
                        new PropertyOptions().setArray(true),
                        null,
                        new PropertyOptions().setStruct(true));
                String item = XMPPathFactory.composeArrayItemPath(REGION_LIST, XMPConst.ARRAY_LAST_ITEM);
                String area = item + "/mwg-rs:Area";
                meta.setStructField(NS_REGIONS, area, NS_AREA, "x", number(region.x()));
                meta.setStructField(NS_REGIONS, area, NS_AREA, "y", number(region.y()));
                meta.setStructField(NS_REGIONS, area, NS_AREA, "w", number(region.w()));
                meta.setStructField(NS_REGIONS, area, NS_AREA, "h", number(region.h()));
                meta.setStructField(NS_REGIONS, area, NS_AREA, "unit", "normalized");
                meta.setStructField(NS_REGIONS, item, NS_REGIONS, "Name", region.name());
                meta.setStructField(NS_REGIONS, item, NS_REGIONS, "Type", "Face");
            }
        } else if (meta.doesPropertyExist(NS_REGIONS, REGION_LIST)
                && meta.countArrayItems(NS_REGIONS, REGION_LIST) == 0) {
            meta.deleteProperty(NS_REGIONS, REGIONS);
        }
    }

    /**
     * The size the regions are shares of: the image as stored. Immich knows it from the file's EXIF;
     * when it does not, the faces' own image, turned back when the orientation turns it.
     */
    private static void setDimensions(XMPMeta meta, PhotoMetadata photo) throws XMPException {
        double width;
        double height;
        if (photo.storedWidth() != null && photo.storedHeight() != null) {
            width = photo.storedWidth();
            height = photo.storedHeight();
        } else {
            NamedFace face = photo.faces().get(0);
            boolean turned = FaceRegion.turnsAQuarter(photo.orientation());
            width = turned ? face.imageHeight() : face.imageWidth();
            height = turned ? face.imageWidth() : face.imageHeight();
        }
        String dimensions = REGIONS + "/mwg-rs:AppliedToDimensions";
        meta.setStructField(NS_REGIONS, dimensions, NS_DIMENSIONS, "w", String.valueOf(Math.round(width)));
        meta.setStructField(NS_REGIONS, dimensions, NS_DIMENSIONS, "h", String.valueOf(Math.round(height)));
        meta.setStructField(NS_REGIONS, dimensions, NS_DIMENSIONS, "unit", "pixel");
    }

    /**
     * Takes out of a list the entries this application wrote before, keeps the others', and adds
     * those of now that are not there.
     */
    private static void replaceOwn(
            XMPMeta meta, String ns, String name, PropertyOptions form, List<String> before, List<String> now)
            throws XMPException {
        List<String> kept = new ArrayList<>();
        if (meta.doesPropertyExist(ns, name)) {
            for (int i = 1; i <= meta.countArrayItems(ns, name); i++) {
                String value = meta.getArrayItem(ns, name, i).getValue();
                if (!before.contains(value)) {
                    kept.add(value);
                }
            }
            meta.deleteProperty(ns, name);
        }
        Set<String> all = new LinkedHashSet<>(kept);
        all.addAll(now);
        for (String value : all) {
            meta.appendArrayItem(ns, name, form, value, null);
        }
    }

    private static String field(XMPMeta meta, String struct, String ns, String name) throws XMPException {
        var property = meta.getStructField(NS_REGIONS, struct, ns, name);
        return property == null ? null : property.getValue();
    }

    private static List<String> keywords(PhotoMetadata photo, TagLists lists) {
        Set<String> keywords =
                new LinkedHashSet<>(photo.tags().stream().sorted().toList());
        if (lists == TagLists.TAGS_ALBUMS_AND_PEOPLE) {
            photo.albums().stream().sorted().forEach(album -> keywords.add("Albums/" + level(album)));
            names(photo.people()).forEach(person -> keywords.add("People/" + level(person)));
        }
        return List.copyOf(keywords);
    }

    private static List<String> names(List<String> people) {
        return people.stream()
                .filter(p -> p != null && !p.isBlank())
                .distinct()
                .sorted()
                .toList();
    }

    /** A name as one level of a path: a {@code /} in it must not make a level of its own. */
    private static String level(String name) {
        return name.replace('/', SLASH_IN_NAME);
    }

    private static String hierarchical(String path) {
        return path.replace('/', '|');
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('/') + 1).replace(SLASH_IN_NAME, '/');
    }

    private static ZoneOffset offset(PhotoMetadata photo) {
        if (photo.timeZone() == null || photo.timeZone().isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(photo.timeZone()).getRules().getOffset(photo.takenAt());
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    /** XMP's GPS coordinate: degrees, then minutes with their fraction, then the hemisphere. */
    static String coordinate(double value, char positive, char negative) {
        double abs = Math.abs(value);
        int degrees = (int) Math.floor(abs);
        double minutes = (abs - degrees) * 60;
        return String.format(Locale.ROOT, "%d,%.6f%c", degrees, minutes, value < 0 ? negative : positive);
    }

    private static String number(double share) {
        return String.format(Locale.ROOT, "%.6f", share);
    }

    private static PropertyOptions ordered() {
        return new PropertyOptions().setArray(true).setArrayOrdered(true);
    }

    private static PropertyOptions unordered() {
        return new PropertyOptions().setArray(true);
    }

    /** What this application wrote into a sidecar, so that a later run replaces only that. */
    private record Written(List<String> keywords, List<String> people, Set<String> fields) {

        static Written readFrom(XMPMeta meta) throws XMPException {
            return new Written(
                    items(meta, "Keywords"), items(meta, "People"), new LinkedHashSet<>(items(meta, "Fields")));
        }

        void writeTo(XMPMeta meta) throws XMPException {
            for (String list : List.of("Keywords", "People", "Fields")) {
                meta.deleteProperty(NS_OWN, list);
            }
            append(meta, "Keywords", keywords);
            append(meta, "People", people);
            append(meta, "Fields", List.copyOf(fields));
        }

        private static void append(XMPMeta meta, String name, List<String> values) throws XMPException {
            for (String value : values) {
                meta.appendArrayItem(NS_OWN, name, new PropertyOptions().setArray(true), value, null);
            }
        }

        private static List<String> items(XMPMeta meta, String name) throws XMPException {
            List<String> values = new ArrayList<>();
            if (meta.doesPropertyExist(NS_OWN, name)) {
                for (int i = 1; i <= meta.countArrayItems(NS_OWN, name); i++) {
                    values.add(meta.getArrayItem(NS_OWN, name, i).getValue());
                }
            }
            return values;
        }
    }
}
