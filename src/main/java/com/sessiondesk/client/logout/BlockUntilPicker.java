package com.sessiondesk.client.logout;

import com.sessiondesk.client.common.Messages;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The "until when" of a block beside its checkbox: 1 hour, end of day, 1 week, a date, or until
 * unblocked. Disabled while Block is not checked; the date picker shows only for "a date".
 */
public final class BlockUntilPicker extends HBox {

    private final ComboBox<BlockEnd> choice = new ComboBox<>(FXCollections.observableArrayList(BlockEnd.values()));
    private final DatePicker date = new DatePicker();

    public BlockUntilPicker() {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        choice.setId("blockUntilChoice");
        date.setId("blockUntilDate");
        date.setPromptText(Messages.get("block.lastDay"));
        // whole texts: the choice ("Until a date…") and the date's prompt ("Last day blocked") are never cut
        date.getEditor().setPrefColumnCount(Math.max(10, date.getPromptText().length()));
        choice.setMinWidth(Region.USE_PREF_SIZE);
        date.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(choice, date);
    }

    /** @param busy while true nothing can change (the request is on its way) */
    public void bind(BlockOptions options, javafx.beans.value.ObservableBooleanValue busy) {
        choice.valueProperty().bindBidirectional(options.endProperty());
        date.valueProperty().bindBidirectional(options.dateProperty());
        javafx.beans.binding.BooleanExpression off = javafx.beans.binding.BooleanExpression.booleanExpression(busy)
                .or(options.blockProperty().not());
        choice.disableProperty().bind(off);
        date.disableProperty().bind(off);
        date.visibleProperty().bind(options.endProperty().isEqualTo(BlockEnd.DATE));
        date.managedProperty().bind(date.visibleProperty());
    }
}
