package app.immichexport.export.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.immich.AssetQuery;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceTest {

    @Test
    void aTimeSpanIsWholeDaysWithTheLastDayIncluded() {
        AssetQuery query = new Source("dates", null, "2024-01-01", "2024-12-31", null, null).query();
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), query.takenFrom());
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), query.takenUntil());
        AssetQuery open = new Source("dates", null, null, "2020-06-30", null, null).query();
        assertNull(open.takenFrom());
        assertEquals("dates:..2020-06-30", new Source("dates", null, null, "2020-06-30", null, null).key());
    }

    @Test
    void keysAreStableWhateverTheOrderOfIdsAndFitTheRecords() {
        String person = "0f8fad5b-d9cb-469f-a165-70867728950e";
        assertEquals("person:" + person, Source.person(person).key());
        assertEquals(Source.person("b", "a").key(), Source.person("a", "b").key());
        String many = Source.person(
                        "0f8fad5b-d9cb-469f-a165-70867728950e",
                        "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                        "e4eaaaf2-d142-11e1-b3e4-080027620cdd")
                .key();
        assertTrue(many.startsWith("person#") && many.length() <= 64, many);
        assertEquals("favorites", new Source("favorites", null, null, null, null, null).key());
        assertEquals("place:country=Norway", new Source("place", null, null, null, null, "Norway").key());
        assertTrue(Source.tag("t").key().startsWith("tag:"));
    }

    @Test
    void aSourceTravelsInAPageAddressAndBack() {
        for (Source source : List.of(
                Source.person("a", "b"),
                Source.tag("t"),
                new Source("favorites", null, null, null, null, null),
                new Source("all", null, null, null, null, null),
                new Source("dates", null, "2024-01-01", null, null, null),
                new Source("dates", null, "2024-01-01", "2024-02-01", null, null),
                new Source("place", null, null, null, "Tromsø", null),
                new Source("place", null, null, null, null, "Norway"))) {
            Source back = Source.fromToken(source.token());
            assertEquals(source.key(), back.key(), source.token());
            assertEquals(source.token(), back.token());
        }
        assertThrows(IllegalArgumentException.class, () -> Source.fromToken("dates:2024"));
        assertThrows(IllegalArgumentException.class, () -> Source.fromToken("person:"));
    }

    @Test
    void aSourceThatMakesNoSenseIsRefusedWithItsReason() {
        assertEquals(
                "A person source needs the ids of one or more people",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new Source("person", List.of(), null, null, null, null).kind())
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Source("dates", null, null, null, null, null).kind());
        assertThrows(
                IllegalArgumentException.class, () -> new Source("dates", null, "31.12.2024", null, null, null).kind());
        assertThrows(
                IllegalArgumentException.class, () -> new Source("place", null, null, null, "Oslo", "Norway").kind());
        assertThrows(IllegalArgumentException.class, () -> new Source(null, null, null, null, null, null).kind());
        assertEquals(SourceType.ALL, new Source(" ALL ", null, null, null, null, null).kind());
    }
}
