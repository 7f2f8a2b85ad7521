package com.sessiondesk.client.sessions;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

/**
 * The search and the application and language filters of Active Sessions: what can be ticked (the
 * values of the loaded sessions), what is ticked (none: all), the typed text; each change is one
 * {@link RowFilter} for the rows.
 */
public final class SessionFilter {

    private final ObservableList<String> applications = FXCollections.observableArrayList();
    private final ObservableList<String> languages = FXCollections.observableArrayList();
    private final ObservableSet<String> chosenApplications = FXCollections.observableSet();
    private final ObservableSet<String> chosenLanguages = FXCollections.observableSet();
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final BooleanProperty newOnly = new SimpleBooleanProperty(this, "newOnly");
    private final Clock clock;

    /**
     * @param changed gets the filter after each change of the search or the ticks
     * @param clock "New devices only" keeps the sessions of the last 24 hours from the moment it is ticked
     */
    SessionFilter(Consumer<RowFilter> changed, Clock clock) {
        this.clock = clock;
        Runnable apply = () -> changed.accept(current());
        searchText.addListener((obs, old, now) -> apply.run());
        newOnly.addListener((obs, old, now) -> apply.run());
        chosenApplications.addListener((SetChangeListener<String>) change -> apply.run());
        chosenLanguages.addListener((SetChangeListener<String>) change -> apply.run());
    }

    private RowFilter current() {
        String query = searchText.get() == null ? "" : searchText.get().trim().toLowerCase(Locale.ROOT);
        return RowFilter.of(query, Set.copyOf(chosenApplications), Set.copyOf(chosenLanguages),
                newOnly.get() ? clock.instant().minus(NewArrivals.MARKED_FOR) : null);
    }

    /** Clears the search and the ticks (so that every row shows). */
    void clear() {
        searchText.set("");
        newOnly.set(false);
        chosenApplications.clear();
        chosenLanguages.clear();
    }

    /** The choices of a load; a ticked value no longer among them is unticked. */
    void loaded(List<String> loadedApplications, List<String> loadedLanguages) {
        replaceChoices(applications, chosenApplications, loadedApplications);
        replaceChoices(languages, chosenLanguages, loadedLanguages);
    }

    private static void replaceChoices(ObservableList<String> choices, ObservableSet<String> chosen, List<String> now) {
        if (!choices.equals(now)) {
            choices.setAll(now);
        }
        chosen.retainAll(now);
    }

    /** An application the feed brought, in its alphabetical place. */
    void addApplication(String application) {
        if (application.isEmpty() || applications.contains(application)) {
            return;
        }
        int at = 0;
        while (at < applications.size() && String.CASE_INSENSITIVE_ORDER.compare(applications.get(at), application) < 0) {
            at++;
        }
        applications.add(at, application);
    }

    /** The applications of the loaded sessions, for the filter. */
    public ObservableList<String> applications() {
        return applications;
    }

    public ObservableList<String> languages() {
        return languages;
    }

    /** The applications ticked; none ticked shows all. */
    public ObservableSet<String> chosenApplications() {
        return chosenApplications;
    }

    public ObservableSet<String> chosenLanguages() {
        return chosenLanguages;
    }

    /** "New devices only": sessions from a device or address new for their user, in the 24 hours after login. */
    public BooleanProperty newOnlyProperty() {
        return newOnly;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }
}
