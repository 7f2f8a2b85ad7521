package com.sessiondesk.client.common;

/** A view whose data reloads: by F5, by the automatic refresh, and to recover after a failure. */
public interface Refreshable {

    LoadState state();

    void refresh();
}
