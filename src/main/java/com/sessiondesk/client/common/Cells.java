package com.sessiondesk.client.common;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.util.Callback;

/**
 * The table cells of every view: text (with a marker badge, and the full value in a tooltip when
 * the text is cut) and row buttons. A row button acts on the row the cell shows at the moment of
 * the click, and never takes the keyboard focus (a reused cell cannot carry a focus ring to
 * another person's row; the keyboard reaches row actions through shortcuts on the selected row).
 * Tooltips are windows: one per table or per column, never one per cell or per text (a badge whose
 * explanation holds a number, "12 items the device has not synced", made a window for every new
 * number, kept for ever, and made it while the live table applied a change).
 */
public final class Cells {

    /** A marker beside a cell's text: its text, style class and what it means (its tooltip). */
    public record Badge(String text, String styleClass, String explanation) {
    }

    /** A button in a row: shown for the rows {@code shownFor} accepts, acting on the row's item. */
    public record RowButton<S>(String text, String icon, String styleClass, Tooltip tooltip,
                               Function<S, String> accessibleText, Predicate<S> shownFor, Consumer<S> action) {
    }

    private Cells() {
    }

    /**
     * Text with an optional badge. {@code fullText} (null: the same as the text) is shown in the
     * table's one tooltip when the cell's text is cut, or always when it says more than the text.
     */
    public static <S, T> Callback<TableColumn<S, T>, TableCell<S, T>> text(Function<T, String> text,
            Function<T, String> fullText, Function<T, Badge> badge, Tooltip sharedTooltip) {
        return text(text, fullText, badge, sharedTooltip, null);
    }

    /**
     * The same, and each cell computes its text again when {@code redrawOn} changes (e.g. the
     * instant every "… ago" is computed from): only the cells that exist, the shown rows, instead
     * of a {@code TableView.refresh()} that throws every cell away and builds and styles it anew.
     */
    public static <S, T> Callback<TableColumn<S, T>, TableCell<S, T>> text(Function<T, String> text,
            Function<T, String> fullText, Function<T, Badge> badge, Tooltip sharedTooltip, Observable redrawOn) {
        BadgeTooltip badgeTooltip = new BadgeTooltip(); // the column's badges share it
        return column -> new TextCell<>(text, fullText, badge, badgeTooltip, sharedTooltip, redrawOn);
    }

    /** The one tooltip of a column's badges, made when the column first shows a badge. */
    private static final class BadgeTooltip {
        private Tooltip tooltip;

        Tooltip get() {
            if (tooltip == null) {
                tooltip = new Tooltip();
            }
            return tooltip;
        }
    }

    /** Row buttons (icon buttons or small text buttons), left to right. */
    public static <S> Callback<TableColumn<S, S>, TableCell<S, S>> buttons(List<RowButton<S>> buttons) {
        return column -> new ButtonsCell<>(buttons);
    }

    private static final class TextCell<S, T> extends TableCell<S, T> {
        private final Function<T, String> text;
        private final Function<T, String> fullText;
        private final Function<T, Badge> badgeOf;
        private final BadgeTooltip badgeTooltip;
        private final Tooltip sharedTooltip;
        private final Label badge = new Label();
        /** What the badge shown means: put in the column's badge tooltip when the pointer comes onto the badge. */
        private String explanation;
        /** Held by the cell: the source holds it weakly, so a discarded cell is not kept alive. */
        private final InvalidationListener redraw = source -> redrawText();

        TextCell(Function<T, String> text, Function<T, String> fullText, Function<T, Badge> badgeOf, BadgeTooltip badgeTooltip,
                 Tooltip sharedTooltip, Observable redrawOn) {
            this.text = text;
            this.fullText = fullText;
            this.badgeOf = badgeOf;
            this.badgeTooltip = badgeTooltip;
            this.sharedTooltip = sharedTooltip;
            if (redrawOn != null) {
                redrawOn.addListener(new WeakInvalidationListener(redraw));
            }
            badge.getStyleClass().add("row-badge");
            badge.setMinWidth(Label.USE_PREF_SIZE);
            badge.setOnMouseEntered(e -> {
                badge.getTooltip().setText(explanation);
                if (sharedTooltip != null) {
                    // On the badge, the badge explains itself: the cell's full text would win (its tooltip
                    // handles the pointer's moves after the badge's, and the last one handling them shows).
                    Tooltip.uninstall(this, sharedTooltip);
                }
            });
            setContentDisplay(ContentDisplay.RIGHT);
            setGraphicTextGap(8);
            if (sharedTooltip != null) {
                setOnMouseEntered(e -> showFullTextIfCut());
                badge.setOnMouseExited(e -> showFullTextIfCut());
            }
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(text.apply(item));
            Badge marker = badgeOf == null ? null : badgeOf.apply(item);
            if (marker == null) {
                setGraphic(null);
            } else {
                badge.setText(marker.text());
                if (!badge.getStyleClass().equals(List.of("row-badge", marker.styleClass()))) {
                    badge.getStyleClass().setAll("row-badge", marker.styleClass()); // restyles the badge: only on a change
                }
                explanation = marker.explanation();
                if (badge.getTooltip() == null) {
                    badge.setTooltip(badgeTooltip.get());
                }
                if (badge.isHover()) {
                    badge.getTooltip().setText(explanation);
                }
                badge.setAccessibleText(marker.text() + ": " + marker.explanation()); // for screen readers
                setGraphic(badge);
            }
        }

        private void redrawText() {
            if (!isEmpty() && getItem() != null) {
                setText(text.apply(getItem()));
            }
        }

        /** The one tooltip of the table shows this cell's full value while the pointer is on a cut cell. */
        private void showFullTextIfCut() {
            String shown = getText();
            String full = isEmpty() || getItem() == null ? null
                    : fullText != null ? fullText.apply(getItem()) : shown;
            boolean saysMore = full != null && !full.equals(shown);
            if (full != null && !full.isEmpty() && (saysMore || isCut(this))) {
                sharedTooltip.setText(full);
                Tooltip.install(this, sharedTooltip);
            } else {
                Tooltip.uninstall(this, sharedTooltip);
            }
        }
    }

    /** Whether a label or cell shows less than its text (an ellipsis). */
    public static boolean isCut(javafx.scene.control.Labeled labeled) {
        String full = labeled.getText();
        if (full == null || full.isEmpty()) {
            return false;
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text drawn) {
                return !full.equals(drawn.getText());
            }
        }
        return false;
    }

    private static final class ButtonsCell<S> extends TableCell<S, S> {
        private final List<RowButton<S>> specs;
        private final List<Button> buttons;
        private final HBox box = new HBox(6);

        ButtonsCell(List<RowButton<S>> specs) {
            this.specs = specs;
            this.buttons = specs.stream().map(this::button).toList();
            box.setAlignment(Pos.CENTER_LEFT);
            // Every button keeps its place (a hidden one leaves its gap), so each kind of button
            // stands in one column, row after row.
            box.getChildren().setAll(buttons);
        }

        private Button button(RowButton<S> spec) {
            Button button = new Button(spec.text());
            if (spec.icon() != null) {
                button.setGraphic(Icons.of(spec.icon()));
            }
            button.getStyleClass().addAll(spec.styleClass().split(" "));
            button.setTooltip(spec.tooltip());
            button.setFocusTraversable(false);
            // The row this cell shows now, at the moment of the click.
            button.setOnAction(e -> {
                S item = getItem();
                if (!isEmpty() && item != null) {
                    spec.action().accept(item);
                }
            });
            return button;
        }

        @Override
        protected void updateItem(S item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            for (int i = 0; i < specs.size(); i++) {
                RowButton<S> spec = specs.get(i);
                Button button = buttons.get(i);
                boolean shown = spec.shownFor().test(item);
                button.setVisible(shown);
                if (shown) {
                    button.setAccessibleText(spec.accessibleText().apply(item));
                }
            }
            setGraphic(box);
        }
    }
}
