package com.sessiondesk.client.sessions;

import com.sessiondesk.api.SessionChanges;

/**
 * Who else reads the change feed the sessions follow (the alerts, the blocked devices): each answer
 * as it is applied, and each reload of the list (answers in between may have been missed).
 */
public interface FeedListener {

    FeedListener NONE = new FeedListener() {
        @Override
        public void changes(SessionChanges changes) {
        }

        @Override
        public void reloaded() {
        }
    };

    /** One answer of the feed, on the FX thread, in order. */
    void changes(SessionChanges changes);

    /** The list was loaded anew (first load, F5, a cursor the service no longer knew). */
    void reloaded();
}
