package app.immichexport.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Immich's published contract for one line: its DTO schemas and its list of endpoints. */
public final class Contract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<ImmichLine, Contract> CONTRACTS = new ConcurrentHashMap<>();

    private final Path folder;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final Set<String> endpoints;

    private Contract(Path folder) {
        this.folder = folder;
        try {
            this.endpoints = Files.readAllLines(folder.resolve("endpoints.tsv")).stream()
                    .skip(1)
                    .map(line -> line.split("\t"))
                    .filter(cols -> cols.length >= 2)
                    .map(cols -> cols[0] + " " + cols[1])
                    .collect(Collectors.toCollection(HashSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Contract of(ImmichLine line) {
        return CONTRACTS.computeIfAbsent(line, l -> new Contract(root().resolve(l.version())));
    }

    static Path root() {
        return Path.of(System.getProperty("contract.dir", "src/test/resources/immich-contract"));
    }

    public boolean lists(String method, String pathTemplate) {
        return endpoints.contains(method + " " + pathTemplate);
    }

    /** Problems of a JSON body against the DTO's schema; {@code Dto[]} validates every element. */
    public Set<String> problems(String dto, String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (dto.endsWith("[]")) {
                Set<String> problems = new HashSet<>();
                node.forEach(element -> problems.addAll(messages(schema(dto.substring(0, dto.length() - 2)), element)));
                return problems;
            }
            return messages(schema(dto), node);
        } catch (IOException e) {
            return Set.of("not JSON: " + e.getMessage());
        }
    }

    private static Set<String> messages(JsonSchema schema, JsonNode node) {
        return schema.validate(node).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    private JsonSchema schema(String dto) {
        return schemas.computeIfAbsent(dto, name -> {
            try {
                Path file = folder.resolve(name + ".schema.json");
                JsonNode root = JSON.readTree(file.toFile());
                // The files wrap each DTO in "$ref": "#/definitions/<name>"; the validator's shared cache can
                // resolve such a reference in another line's file, so the definition is used directly.
                ObjectNode schema = ((ObjectNode) root.get("definitions").get(name)).deepCopy();
                schema.set("definitions", root.get("definitions"));
                schema.put("$id", file.toUri().toString());
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
            } catch (IOException e) {
                throw new UncheckedIOException("No schema for " + name + " in " + folder, e);
            }
        });
    }
}
