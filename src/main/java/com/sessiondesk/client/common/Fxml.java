package com.sessiondesk.client.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;

/** Loads an FXML view (a resource under /fxml/) with the given controller instance and the {@link Messages} bundle ({@code %key}). */
public final class Fxml {

    private Fxml() {
    }

    public static <T> T load(String resource, Object controller) {
        FXMLLoader loader = new FXMLLoader(Fxml.class.getResource(resource), Messages.bundle());
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + resource, e);
        }
    }
}
