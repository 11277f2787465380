package engawa.portal.catalog;

import engawa.portal.catalog.CatalogImport.Progress;
import engawa.portal.people.Callers.Caller;
import engawa.portal.people.PeopleImport;
import java.util.Map;

/** One import from start to end: who runs it, what it has decided so far, how far it is. Not shared between threads. */
final class ImportRun {

    final Caller caller;
    final ImportTally tally = new ImportTally();
    final Progress progress;
    /** About how many documents the files hold, for the progress bar. */
    final int documents;
    private final PeopleImport people;
    private Map<String, PeopleImport.Team> teams;

    ImportRun(Caller caller, Progress progress, int documents, PeopleImport people) {
        this.caller = caller;
        this.progress = progress;
        this.documents = documents;
        this.people = people;
    }

    /**
     * Every team, read once per import and again only after a batch wrote teams: most batches hold
     * services only, and reading 2,000 teams for each of them doubled the time of a large import.
     */
    Map<String, PeopleImport.Team> teams() {
        if (teams == null) {
            teams = people.teams();
        }
        return teams;
    }

    void teamsChanged() {
        teams = null;
    }
}
