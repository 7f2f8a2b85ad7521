package com.sessiondesk.client.common;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * A view's toolbar of three children: the search and filters, a {@link Region} between, the
 * actions. When the window is wide enough the region takes the space between, so the actions end
 * at the right edge; when it is not, the region shrinks to nothing and the actions wrap onto a
 * second line instead of squeezing the search field or leaving the window.
 */
public final class ToolbarRow extends FlowPane {

    public ToolbarRow() {
        setHgap(10);
        setVgap(8);
        getStyleClass().add("toolbar-row");
    }

    /** As narrow as its wider part (the room between takes none of it), so the view never outgrows the window. */
    @Override
    protected double computeMinWidth(double height) {
        List<Node> children = getChildren();
        if (children.size() != 3) {
            return super.computeMinWidth(height);
        }
        return snappedLeftInset() + Math.max(children.get(0).prefWidth(-1), children.get(2).prefWidth(-1))
                + snappedRightInset();
    }

    @Override
    protected void layoutChildren() {
        List<Node> children = getChildren();
        if (children.size() == 3 && children.get(1) instanceof Region between) {
            double room = getWidth() - snappedLeftInset() - snappedRightInset();
            double spare = room - children.get(0).prefWidth(-1) - children.get(2).prefWidth(-1) - 2 * getHgap();
            double width = Math.max(0, Math.floor(spare));
            if (between.getPrefWidth() != width) {
                between.setMinWidth(0);
                between.setPrefWidth(width);
            }
        }
        super.layoutChildren();
    }
}
