package com.sessiondesk.client.common;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The banner over a view when its data could not be loaded (server unreachable, failure): the
 * message and a Retry button ({@code #retryButton}). Hidden while there is no message.
 */
public final class ErrorBanner extends HBox {

    private final Label message = new Label();
    private final Button retryButton = new Button(Messages.get("common.retry"));

    public ErrorBanner() {
        setId("errorBanner");
        getStyleClass().add("error-banner");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        Region icon = Icons.of("alert-circle-outline");
        icon.getStyleClass().addAll("icon-size-20", "error-banner-icon");
        message.setWrapText(true);
        message.getStyleClass().add("error-banner-message");
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        retryButton.setId("retryButton");
        retryButton.setGraphic(Icons.of("refresh"));
        getChildren().addAll(icon, message, retryButton);
        show(null);
    }

    public void show(String text) {
        message.setText(text == null ? "" : text);
        boolean visible = text != null && !text.isBlank();
        setVisible(visible);
        setManaged(visible);
    }

    /** Shows the state's message and retries with the given action. */
    public void bind(LoadState state, Runnable retry) {
        state.errorMessageProperty().addListener((obs, old, now) -> show(now));
        show(state.getErrorMessage());
        retryButton.setOnAction(e -> retry.run());
    }
}
