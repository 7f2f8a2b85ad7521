package com.sessiondesk.simulate;

/**
 * What {@code simulate} runs, checked by {@link SimulateCommand}.
 *
 * @param noStream devices only heartbeat (no event stream)
 * @param syncMillisPerItem upload time per unsynced item when told to sync before a log out
 * @param unsyncedItems every device holds this many unsynced items until told to sync; negative: a random walk
 * @param scenario an incident to play instead of the fleet ({@code --scenario}), or null
 */
record SimArgs(String server, int devices, int durationSeconds, int intervalSeconds, boolean noStream,
        int syncMillisPerItem, int unsyncedItems, Scenario scenario) {

    static final int MAX_DEVICES = 10_000;
    static final int DEFAULT_SYNC_MILLIS = 100;

    SimArgs(String server, int devices, int durationSeconds, int intervalSeconds) {
        this(server, devices, durationSeconds, intervalSeconds, false, DEFAULT_SYNC_MILLIS, -1);
    }

    SimArgs(String server, int devices, int durationSeconds, int intervalSeconds, boolean noStream,
            int syncMillisPerItem, int unsyncedItems) {
        this(server, devices, durationSeconds, intervalSeconds, noStream, syncMillisPerItem, unsyncedItems, null);
    }
}
