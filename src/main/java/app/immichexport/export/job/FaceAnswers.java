package app.immichexport.export.job;

import app.immichexport.immich.AssetMetadata;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The faces Immich 3.x told of each photo's named people, remembered with the people they were asked
 * for, so that a full export of a photo whose people are unchanged asks Immich nothing for it. An
 * answer is trusted for a day: Immich may detect faces again without anyone changing. Losing what is
 * remembered only costs requests, so a database failure here never fails a job.
 */
@ApplicationScoped
class FaceAnswers implements FullSidecars.FaceMemory {

    static final Duration TRUSTED_FOR = Duration.ofDays(1);
    private static final Logger LOG = Logger.getLogger(FaceAnswers.class.getName());

    @Resource(lookup = "java:app/jdbc/immichExport")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Override
    public Map<String, List<AssetMetadata.Person>> recall(Map<String, List<AssetMetadata.Person>> named) {
        Map<String, List<AssetMetadata.Person>> known = new HashMap<>();
        if (named.isEmpty()) {
            return known;
        }
        String sql =
                "select asset_id, people, faces from face_answer where asset_id = any (?) and asked_at > ?::timestamptz";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(
                    1, connection.createArrayOf("varchar", named.keySet().toArray()));
            select.setString(2, clock.instant().minus(TRUSTED_FOR).toString());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    List<AssetMetadata.Person> people = named.get(rows.getString(1));
                    if (people != null && peopleKey(people).equals(rows.getString(2))) {
                        known.put(rows.getString(1), withFaces(people, faces(rows.getString(3))));
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read the remembered faces; Immich is asked again", e);
            return Map.of();
        }
        return known;
    }

    @Override
    public void remember(Map<String, List<AssetMetadata.Person>> told) {
        if (told.isEmpty()) {
            return;
        }
        String sql = "insert into face_answer (asset_id, people, faces, asked_at)"
                + " select u.id, u.people, u.faces, ?::timestamptz from unnest(?::text[], ?::text[], ?::text[])"
                + " as u(id, people, faces) on conflict (asset_id) do update set people = excluded.people,"
                + " faces = excluded.faces, asked_at = excluded.asked_at";
        List<String> ids = List.copyOf(told.keySet());
        String[] people = new String[ids.size()];
        String[] faces = new String[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            people[i] = peopleKey(told.get(ids.get(i)));
            faces[i] = facesText(told.get(ids.get(i)));
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(sql)) {
            upsert.setString(1, clock.instant().toString());
            upsert.setArray(2, connection.createArrayOf("text", ids.toArray()));
            upsert.setArray(3, connection.createArrayOf("text", people));
            upsert.setArray(4, connection.createArrayOf("text", faces));
            upsert.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot remember the faces Immich told; the next export asks again", e);
        }
    }

    /** The people's ids, sorted: the faces are reused only for the same people. */
    static String peopleKey(List<AssetMetadata.Person> people) {
        return people.stream().map(AssetMetadata.Person::id).sorted().collect(Collectors.joining(","));
    }

    /** Each person's boxes: {@code id:x1,y1,x2,y2,width,height|…;id:…}. */
    static String facesText(List<AssetMetadata.Person> people) {
        return people.stream()
                .map(p -> p.id() + ":"
                        + p.faces().stream()
                                .map(b -> b.x1() + "," + b.y1() + "," + b.x2() + "," + b.y2() + "," + b.imageWidth()
                                        + "," + b.imageHeight())
                                .collect(Collectors.joining("|")))
                .collect(Collectors.joining(";"));
    }

    static Map<String, List<AssetMetadata.FaceBox>> faces(String text) {
        Map<String, List<AssetMetadata.FaceBox>> faces = new HashMap<>();
        if (text.isEmpty()) {
            return faces;
        }
        for (String person : text.split(";")) {
            int colon = person.indexOf(':');
            List<AssetMetadata.FaceBox> boxes = new ArrayList<>();
            for (String box : person.substring(colon + 1).split("\\|")) {
                if (!box.isEmpty()) {
                    String[] v = box.split(",");
                    boxes.add(new AssetMetadata.FaceBox(
                            Double.parseDouble(v[0]),
                            Double.parseDouble(v[1]),
                            Double.parseDouble(v[2]),
                            Double.parseDouble(v[3]),
                            Double.parseDouble(v[4]),
                            Double.parseDouble(v[5])));
                }
            }
            faces.put(person.substring(0, colon), boxes);
        }
        return faces;
    }

    /** The people as the search names them now, with the boxes remembered for them; as Immich told, those it told of. */
    static List<AssetMetadata.Person> withFaces(
            List<AssetMetadata.Person> people, Map<String, List<AssetMetadata.FaceBox>> faces) {
        return people.stream()
                .filter(p -> faces.containsKey(p.id()))
                .map(p -> new AssetMetadata.Person(p.id(), p.name(), p.hidden(), faces.get(p.id())))
                .toList();
    }
}
