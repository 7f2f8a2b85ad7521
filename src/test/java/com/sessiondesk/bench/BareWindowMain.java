package com.sessiondesk.bench;

import javafx.application.Application;

/** Starts {@link BareWindow} from the class path. */
public final class BareWindowMain {

    private BareWindowMain() {
    }

    public static void main(String[] args) {
        Application.launch(BareWindow.class, args);
    }
}
