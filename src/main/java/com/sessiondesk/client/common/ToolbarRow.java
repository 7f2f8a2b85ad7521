package com.sessiondesk.client.common;

import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * A view's toolbar of two groups, each a {@link javafx.scene.layout.FlowPane}: the search and
 * filters, then the actions. When the window is wide enough they share one line, the actions
 * ending at the right edge; when it is not, the actions go onto a line of their own; and when a
 * group is wider than the window even on its own line (a narrow window with large text), its
 * controls wrap onto more lines instead of squeezing the search field or leaving the window.
 */
public final class ToolbarRow extends Pane {

    private static final double GAP = 10;
    private static final double LINE_GAP = 8;

    public ToolbarRow() {
        getStyleClass().add("toolbar-row");
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private List<Node> groups() {
        return getManagedChildren();
    }

    private double inner(double width) {
        return width - snappedLeftInset() - snappedRightInset();
    }

    /** The groups side by side, each on one line. */
    private double oneLineWidth() {
        List<Node> groups = groups();
        return groups.stream().mapToDouble(g -> g.prefWidth(-1)).sum() + GAP * Math.max(0, groups.size() - 1);
    }

    private boolean oneLine(double width) {
        return width < 0 || oneLineWidth() <= inner(width) + 0.5;
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + oneLineWidth() + snappedRightInset();
    }

    /** As narrow as its widest control, so the view never outgrows the window. */
    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + groups().stream().mapToDouble(g -> g.minWidth(-1)).max().orElse(0) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        List<Node> groups = groups();
        double height;
        if (oneLine(width)) {
            height = groups.stream().mapToDouble(g -> g.prefHeight(-1)).max().orElse(0);
        } else {
            height = groups.stream().mapToDouble(g -> g.prefHeight(inner(width))).sum()
                    + LINE_GAP * Math.max(0, groups.size() - 1);
        }
        return snappedTopInset() + height + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        List<Node> groups = groups();
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double room = inner(getWidth());
        if (oneLine(getWidth())) {
            double lineHeight = getHeight() - top - snappedBottomInset();
            double x = left;
            for (int i = 0; i < groups.size(); i++) {
                Node group = groups.get(i);
                double width = group.prefWidth(-1);
                double height = group.prefHeight(width);
                if (i == groups.size() - 1 && i > 0) {
                    x = left + room - width; // the actions end at the right edge
                }
                group.resizeRelocate(snapPositionX(x), snapPositionY(top + (lineHeight - height) / 2), width, height);
                x += width + GAP;
            }
        } else {
            double y = top;
            for (Node group : groups) {
                double height = group.prefHeight(room);
                group.resizeRelocate(left, snapPositionY(y), room, height);
                y += height + LINE_GAP;
            }
        }
    }
}
