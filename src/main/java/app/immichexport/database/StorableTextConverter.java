package app.immichexport.database;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Every text column of every entity is written as {@link StorableText}. */
@Converter(autoApply = true)
public class StorableTextConverter implements AttributeConverter<String, String> {

    @Override
    public String convertToDatabaseColumn(String text) {
        return StorableText.of(text);
    }

    @Override
    public String convertToEntityAttribute(String text) {
        return text;
    }
}
