package engawa.portal.recipes.ui;

import com.vaadin.flow.component.UI;
import engawa.db.recipes.RunStatus;
import engawa.portal.recipes.RunWatch;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Pushes run pages forward: twice a second, one query reads the status of every run that an
 * open page shows, and the pages whose run moved are updated through Vaadin's server push. The
 * database is the truth, so it works whichever instance finished the run.
 */
@Component
class RunPushes implements DisposableBean, engawa.portal.recipes.RunViewers {

    private static final Logger log = LoggerFactory.getLogger(RunPushes.class);

    private final RunWatch watch;
    private final Map<RunView, Watched> pages = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("recipe-run-push").daemon().factory());

    private record Watched(UI ui, UUID runId, RunStatus shown) {
    }

    RunPushes(RunWatch watch) {
        this.watch = watch;
        timer.scheduleWithFixedDelay(this::check, 500, 500, TimeUnit.MILLISECONDS);
    }

    void watch(RunView page, UI ui, UUID runId, RunStatus shown) {
        pages.put(page, new Watched(ui, runId, shown));
    }

    void forget(RunView page) {
        pages.remove(page);
    }

    @Override
    public boolean watching(UUID runId) {
        return pages.values().stream().anyMatch(w -> w.runId().equals(runId));
    }

    private void check() {
        if (pages.isEmpty()) {
            return;
        }
        try {
            List<UUID> ids = pages.values().stream().map(Watched::runId).distinct().toList();
            Map<UUID, RunStatus> now = watch.statuses(ids);
            pages.forEach((page, watched) -> {
                RunStatus status = now.get(watched.runId());
                if (status != null && status != watched.shown()) {
                    pages.put(page, new Watched(watched.ui(), watched.runId(), status));
                    watch.reread(watched.runId()).ifPresent(row -> watched.ui().access(() -> page.show(row)));
                }
            });
        } catch (RuntimeException e) {
            log.debug("Run pages not updated this time: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
