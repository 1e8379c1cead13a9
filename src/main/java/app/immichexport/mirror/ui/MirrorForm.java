package app.immichexport.mirror.ui;

import app.immichexport.base.ui.Formats;
import app.immichexport.export.plan.FolderTemplate;
import app.immichexport.export.plan.MetadataSidecar;
import app.immichexport.export.source.Source;
import app.immichexport.export.ui.PictureChoices;
import app.immichexport.immich.Album;
import app.immichexport.mirror.MirrorProfile;
import app.immichexport.mirror.MirrorSettings;
import app.immichexport.mirror.Schedule;
import app.immichexport.sidecar.TagLists;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A mirror profile's settings as a form; the schedule field shows the next run times as it is typed. */
class MirrorForm extends FormLayout {

    private final TextField name = new TextField("Name");
    private final Select<MirrorProfile.Albums> which = new Select<>();
    private final MultiSelectComboBox<Album> albums = new MultiSelectComboBox<>("Albums");
    private final MultiSelectComboBox<Source> sources = new MultiSelectComboBox<>("People, tags, dates, places");
    private final Select<String> root = new Select<>();
    private final TextField template = new TextField("Folder template");
    private final TextField cron = new TextField("Schedule (cron)");
    private final Select<MirrorProfile.Prune> prune = new Select<>();
    private final IntegerField maxCount = new IntegerField("Prune at most (files)");
    private final IntegerField maxPercent = new IntegerField("Prune at most (% of the mirror)");
    private final TextField webhook = new TextField("Webhook (optional)");
    private final Checkbox motion = new Checkbox("Live-photo motion parts", true);
    private final Select<MetadataSidecar> sidecars = new Select<>();
    private final Checkbox albumsAndPeopleAsKeywords = new Checkbox("Albums and people as keywords too", true);
    private final PictureChoices pictures = new PictureChoices("mirror-", () -> {});

    MirrorForm(List<Album> available, List<String> roots) {
        name.setId("mirror-name");
        which.setLabel("Which albums");
        which.setItems(MirrorProfile.Albums.values());
        which.setItemLabelGenerator(w -> switch (w) {
            case SELECTED -> "The albums chosen below";
            case OWNED -> "All my albums, new ones too";
            case SHARED -> "All albums shared with me";
            case ALL -> "Every album I can see";
        });
        which.setValue(MirrorProfile.Albums.SELECTED);
        which.addValueChangeListener(e -> albums.setEnabled(e.getValue() == MirrorProfile.Albums.SELECTED));
        albums.setId("mirror-albums");
        albums.setItems(available);
        albums.setItemLabelGenerator(Album::name);
        sources.setId("mirror-sources");
        sources.setItemLabelGenerator(Source::describe);
        sources.setHelperText("Chosen on the People, tags, dates page; leave one out here");
        sources.setVisible(false);
        root.setLabel("Export root");
        root.setItems(roots);
        if (!roots.isEmpty()) {
            root.setValue(roots.get(0));
        }
        template.setValue(FolderTemplate.YEAR_FOLDERS);
        template.setId("mirror-template");
        cron.setId("mirror-cron");
        cron.setValue("0 3 * * *");
        cron.setValueChangeMode(ValueChangeMode.EAGER);
        cron.addValueChangeListener(e -> showNextRuns());
        prune.setLabel("Files whose photo left the album");
        prune.setItems(MirrorProfile.Prune.values());
        prune.setItemLabelGenerator(p -> switch (p) {
            case QUARANTINE -> "Move into .immich-export-trash";
            case DELETE -> "Delete";
            case KEEP -> "Keep";
        });
        prune.setValue(MirrorProfile.Prune.QUARANTINE);
        maxCount.setValue(1000);
        maxPercent.setValue(50);
        webhook.setPlaceholder("https://ntfy.sh/my-topic");
        sidecars.setId("mirror-metadata");
        sidecars.setLabel("XMP sidecars");
        sidecars.setItems(MetadataSidecar.values());
        sidecars.setItemLabelGenerator(MetadataSidecar::label);
        // a new profile keeps what people curated in Immich
        sidecars.setValue(MetadataSidecar.FULL);
        albumsAndPeopleAsKeywords.setId("mirror-keywords");
        albumsAndPeopleAsKeywords.setTooltipText("Off: the sidecars' keywords are the photos' tags only (Albums/…, "
                + "People/… left out), for a folder that Immich imports again");
        sidecars.addValueChangeListener(
                e -> albumsAndPeopleAsKeywords.setVisible(e.getValue() == MetadataSidecar.FULL));
        add(
                name,
                which,
                albums,
                sources,
                root,
                template,
                cron,
                prune,
                maxCount,
                maxPercent,
                webhook,
                sidecars,
                albumsAndPeopleAsKeywords,
                motion,
                pictures);
        setColspan(albums, 2);
        setColspan(sources, 2);
        showNextRuns();
    }

    private void showNextRuns() {
        try {
            List<Instant> next =
                    Schedule.parse(cron.getValue(), ZoneId.systemDefault()).next(Instant.now(), 3);
            cron.setInvalid(false);
            cron.setHelperText("Next: " + next.stream().map(Formats::when).collect(Collectors.joining(", ")));
        } catch (IllegalArgumentException e) {
            cron.setErrorMessage(e.getMessage());
            cron.setInvalid(true);
        }
    }

    void show(MirrorSettings s, List<Album> available) {
        Map<String, Album> byId = new HashMap<>();
        available.forEach(a -> byId.putIfAbsent(a.id(), a));
        // albums the editor cannot see (another user's, shared with the owner) stay in the profile, shown as such
        List<Album> unavailable = s.albumIds().stream()
                .filter(id -> !byId.containsKey(id))
                .map(MirrorForm::unavailable)
                .toList();
        List<Album> items = new ArrayList<>(available);
        items.addAll(unavailable);
        albums.setItems(items);
        unavailable.forEach(a -> byId.put(a.id(), a));
        name.setValue(s.name());
        which.setValue(s.albums());
        albums.setValue(s.albumIds().stream().map(byId::get).collect(Collectors.toSet()));
        offerSources(s.sources());
        root.setValue(s.exportRoot());
        template.setValue(s.folderTemplate());
        cron.setValue(s.cron());
        prune.setValue(s.prune());
        maxCount.setValue(s.pruneMaxCount());
        maxPercent.setValue(s.pruneMaxPercent());
        // its path and query often hold a token: shown without, and kept when left as shown
        webhook.setValue(s.webhookUrl() == null ? "" : MirrorSettings.shown(s.webhookUrl()));
        motion.setValue(Boolean.TRUE.equals(s.includeMotionParts()));
        sidecars.setValue(s.sidecars());
        albumsAndPeopleAsKeywords.setValue(s.keywordLists() == TagLists.TAGS_ALBUMS_AND_PEOPLE);
        pictures.show(s.photoVersions(), s.stackChoice());
    }

    /** The sources besides albums the profile keeps in sync, all chosen; a page's own list when it has none. */
    void offerSources(List<Source> chosen) {
        sources.setItems(chosen);
        sources.setValue(new java.util.LinkedHashSet<>(chosen));
        sources.setVisible(!chosen.isEmpty());
    }

    private static Album unavailable(String id) {
        return new Album(
                id, "Not visible to you (album " + id + ")", "", 0, null, null, null, null, null, "", "", false);
    }

    /** @param paused kept as the profile has it; the form does not change it */
    MirrorSettings settings(boolean paused) {
        return new MirrorSettings(
                name.getValue(),
                which.getValue(),
                albums.getValue().stream().map(Album::id).toList(),
                List.copyOf(sources.getValue()),
                root.getValue(),
                template.getValue(),
                motion.getValue(),
                sidecars.getValue() != MetadataSidecar.NONE,
                sidecars.getValue().name().toLowerCase(java.util.Locale.ROOT),
                (albumsAndPeopleAsKeywords.getValue() ? TagLists.TAGS_ALBUMS_AND_PEOPLE : TagLists.TAGS_ONLY).wire(),
                pictures.versions().wire(),
                pictures.stacks().wire(),
                cron.getValue(),
                paused,
                prune.getValue(),
                maxCount.getValue(),
                maxPercent.getValue(),
                webhook.getValue());
    }
}
