package engawa.portal.recipes;

import java.util.UUID;

/**
 * Whether a run's page is open on this instance. The page itself tells the person how the run
 * ended; a notification about a success would only repeat it. Implemented by the run page's
 * updater ({@code ui.RunPushes}).
 */
public interface RunViewers {

    boolean watching(UUID runId);
}
