package com.sessiondesk.client.common;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;

/**
 * A view model of a list view (History, User Accounts): the rows shown, how many (in words), what
 * an empty table says, and its loading state. {@link ListViews#bind} binds one to its view.
 */
public interface ListViewModel<T> extends Refreshable {

    /** The rows the table shows (filtered). */
    ObservableList<T> shown();

    /** "12 users, 2 blocked". */
    ReadOnlyStringProperty countTextProperty();

    /** What the empty table says: loading, none yet, or none matching. */
    ReadOnlyStringProperty placeholderTextProperty();
}
