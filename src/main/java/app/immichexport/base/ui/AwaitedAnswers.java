package app.immichexport.base.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Pages get answers asked for in the background by push, over long polling, which now and then loses
 * a message; the page notices only at its next request, and one waiting for an answer makes none. So
 * while any answer is awaited the page asks every second, which brings a lost message back.
 */
public final class AwaitedAnswers {

    private static final int POLL_MILLIS = 1000;
    private static final String KEY = AwaitedAnswers.class.getName();

    private AwaitedAnswers() {}

    /** An answer will be pushed to this page: on the page's own thread. */
    public static void awaiting(UI ui) {
        int awaited = count(ui) + 1;
        ComponentUtil.setData(ui, KEY, awaited);
        ui.setPollInterval(POLL_MILLIS);
    }

    /** The answer is being shown: inside {@code ui.access}. */
    public static void arrived(UI ui) {
        int awaited = Math.max(0, count(ui) - 1);
        ComponentUtil.setData(ui, KEY, awaited);
        if (awaited == 0) {
            ui.setPollInterval(-1);
        }
    }

    /**
     * Asks a question in the background and shows its answer, or why there is none, on the page's
     * own thread; the page is awaiting it until then.
     */
    public static <T> void ask(UI ui, Executor executor, Supplier<T> question, BiConsumer<T, Throwable> show) {
        awaiting(ui);
        CompletableFuture.supplyAsync(question, executor)
                .whenComplete((answer, failure) -> ui.access(() -> {
                    arrived(ui);
                    show.accept(answer, failure);
                }));
    }

    private static int count(UI ui) {
        Object awaited = ComponentUtil.getData(ui, KEY);
        return awaited instanceof Integer n ? n : 0;
    }
}
