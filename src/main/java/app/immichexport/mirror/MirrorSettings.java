package app.immichexport.mirror;

import app.immichexport.export.plan.MetadataSidecar;
import app.immichexport.export.plan.PhotoVersions;
import app.immichexport.export.plan.StackChoice;
import app.immichexport.export.source.Source;
import app.immichexport.sidecar.TagLists;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a user chooses for a mirror profile; absent values take their defaults ({@link #withDefaults()}).
 *
 * @param albums          which albums: SELECTED ({@code albumIds}), or OWNED, SHARED, ALL as Immich lists them at each run
 * @param sources         people, tags, favourites, a time span, a place or all photos, besides the albums
 * @param cron            when to run, e.g. {@code 0 3 * * *}
 * @param prune           what becomes of files whose asset left the album
 * @param pruneMaxCount   above this many files to prune, a run prunes none
 * @param pruneMaxPercent above this share of the mirror's files, a run prunes none
 * @param metadata        which sidecar lands beside each photo ({@code none}, {@code immich}, {@code full});
 *                        when absent, as {@code includeSidecars} says
 * @param keywords        what full sidecars' keyword lists hold: {@code tags}, or {@code all} (albums and
 *                        people too, the default)
 * @param versions        of a photo edited in Immich: {@code original} (the default), {@code edited} or {@code both}
 * @param stacks          of a stack: {@code all} its photos (the default), or its {@code primary} only
 * @param webhookUrl      called with a JSON summary when a run ends; none when absent
 */
public record MirrorSettings(
        String name,
        MirrorProfile.Albums albums,
        List<String> albumIds,
        List<Source> sources,
        String exportRoot,
        String folderTemplate,
        Boolean includeMotionParts,
        Boolean includeSidecars,
        String metadata,
        String keywords,

        @Schema(
                enumeration = {"original", "edited", "both"},
                description = "of a photo edited in Immich: its original (the default), its edited picture "
                        + "(<name>_edited.jpg), or both")
        String versions,

        @Schema(
                enumeration = {"all", "primary"},
                description = "of a stack: every photo (the default), or only its primary")
        String stacks,

        String cron,
        Boolean paused,
        MirrorProfile.Prune prune,
        Integer pruneMaxCount,
        Integer pruneMaxPercent,
        String webhookUrl) {

    static final int DEFAULT_MAX_COUNT = 1000;
    static final int DEFAULT_MAX_PERCENT = 50;

    /** What is shown of a webhook: its scheme and host. Its path and query often hold a token. */
    public static String shown(String webhookUrl) {
        if (webhookUrl == null) {
            return null;
        }
        try {
            URI url = URI.create(webhookUrl);
            boolean more = url.getRawPath() != null
                            && !url.getRawPath().isEmpty()
                            && !url.getRawPath().equals("/")
                    || url.getRawQuery() != null;
            return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                    + (more ? "/…" : "/");
        } catch (IllegalArgumentException e) {
            return "…";
        }
    }

    /** These settings as they are shown to anyone: the webhook without its path and query. */
    public MirrorSettings withWebhookShown() {
        return withWebhook(shown(webhookUrl));
    }

    /** These settings, keeping the stored webhook where they send back only what was shown of it. */
    MirrorSettings keepingWebhookOf(MirrorSettings stored) {
        return webhookUrl != null
                        && stored.webhookUrl() != null
                        && webhookUrl.strip().equals(shown(stored.webhookUrl()))
                ? withWebhook(stored.webhookUrl())
                : this;
    }

    private MirrorSettings withWebhook(String url) {
        return new MirrorSettings(
                name,
                albums,
                albumIds,
                sources,
                exportRoot,
                folderTemplate,
                includeMotionParts,
                includeSidecars,
                metadata,
                keywords,
                versions,
                stacks,
                cron,
                paused,
                prune,
                pruneMaxCount,
                pruneMaxPercent,
                url);
    }

    public MetadataSidecar sidecars() {
        return MetadataSidecar.asked(metadata, includeSidecars);
    }

    /** @throws IllegalArgumentException for a choice that is not one */
    public TagLists keywordLists() {
        TagLists named = TagLists.parse(keywords);
        return named != null ? named : TagLists.byDefault(false);
    }

    /** @throws IllegalArgumentException for a choice that is not one */
    public PhotoVersions photoVersions() {
        return PhotoVersions.parse(versions);
    }

    /** @throws IllegalArgumentException for a choice that is not one */
    public StackChoice stackChoice() {
        return StackChoice.parse(stacks);
    }

    public MirrorSettings withDefaults() {
        return new MirrorSettings(
                name == null ? null : name.strip(),
                albums == null ? MirrorProfile.Albums.SELECTED : albums,
                albumIds == null ? List.of() : albumIds,
                sources == null ? List.of() : sources,
                exportRoot,
                folderTemplate,
                includeMotionParts == null || includeMotionParts,
                sidecars() != MetadataSidecar.NONE,
                sidecars().name().toLowerCase(java.util.Locale.ROOT),
                keywordLists().wire(),
                photoVersions().wire(),
                stackChoice().wire(),
                cron,
                Boolean.TRUE.equals(paused),
                prune == null ? MirrorProfile.Prune.QUARANTINE : prune,
                pruneMaxCount == null ? DEFAULT_MAX_COUNT : pruneMaxCount,
                pruneMaxPercent == null ? DEFAULT_MAX_PERCENT : pruneMaxPercent,
                webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip());
    }
}
