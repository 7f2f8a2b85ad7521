package com.sessiondesk.bench;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * The floor for start-up: a bare JavaFX window with an empty TableView. Prints when its first
 * table was painted, in ms since JVM start (the clock and the frame rule of the client's smoke
 * test), and exits.
 * Started through {@link BareWindowMain}, since a main class extending Application cannot start
 * from the class path.
 */
public class BareWindow extends Application {

    @Override
    public void start(Stage stage) {
        TableView<String> table = new TableView<>();
        for (String header : new String[] {"Username", "Name", "Device", "Application", "Language", "Login Time", "Last Seen"}) {
            table.getColumns().add(new TableColumn<>(header));
        }
        Scene scene = new Scene(table, 1280, 800);
        stage.setTitle("Bare window");
        stage.setScene(scene);
        stage.show();
        // The same measure as the client's smoke test: the second animation frame after the table
        // is there, i.e. the pulse that painted it has completed.
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == 2) {
                    stop();
                    long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("bare-window: first table painted after " + sinceStart + " ms since JVM start");
                    Platform.exit();
                }
            }
        }.start();
    }
}
