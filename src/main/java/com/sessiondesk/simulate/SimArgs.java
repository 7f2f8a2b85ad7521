package com.sessiondesk.simulate;

/** What {@code simulate} runs, checked by {@link SimulateCommand}. */
record SimArgs(String server, int devices, int durationSeconds, int intervalSeconds) {
}
