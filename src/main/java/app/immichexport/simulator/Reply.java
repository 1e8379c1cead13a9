package app.immichexport.simulator;

import jakarta.json.JsonStructure;
import java.io.IOException;

/** The simulator's answer: a status, a JSON body and the contract's name of its type. */
record Reply(int status, JsonStructure json, String dto) {

    static Reply ok(JsonStructure json, String dto) {
        return new Reply(200, json, dto);
    }

    static Reply status(int status, String message) {
        return new Reply(status, WireJson.error(status, message), null);
    }

    @FunctionalInterface
    interface Handler {
        Reply handle(Request request) throws IOException;
    }
}
