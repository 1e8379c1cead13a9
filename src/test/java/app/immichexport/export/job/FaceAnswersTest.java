package app.immichexport.export.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.immichexport.immich.AssetMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaceAnswersTest {

    @Test
    void rememberedFacesComeBackForThePeopleAsTheSearchNamesThemNow() {
        AssetMetadata.FaceBox first = new AssetMetadata.FaceBox(1980, 800, 2220, 1200.5, 3000, 4000);
        AssetMetadata.FaceBox second = new AssetMetadata.FaceBox(10, 20, 30, 40, 3000, 4000);
        List<AssetMetadata.Person> told = List.of(
                new AssetMetadata.Person("p2", "Anna", false, List.of(first, second)),
                new AssetMetadata.Person("p1", "Ben", false, List.of()));
        String text = FaceAnswers.facesText(told);
        List<AssetMetadata.Person> named = List.of(
                new AssetMetadata.Person("p1", "Ben", false, List.of()),
                new AssetMetadata.Person("p2", "Anna Berg", false, List.of()),
                new AssetMetadata.Person("p3", "Cleo", false, List.of()));
        assertEquals(
                List.of(
                        new AssetMetadata.Person("p1", "Ben", false, List.of()),
                        new AssetMetadata.Person("p2", "Anna Berg", false, List.of(first, second))),
                FaceAnswers.withFaces(named, FaceAnswers.faces(text)),
                "renamed in the meantime; one Immich told no faces of is left out, as Immich's answer left it out");
        assertEquals("p1,p2", FaceAnswers.peopleKey(told));
        assertEquals(List.of(), FaceAnswers.withFaces(named, FaceAnswers.faces("")));
    }
}
