package com.sessiondesk.bench;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * The floor for start-up: a bare JavaFX window with an empty TableView. Prints when its first
 * pulse laid it out, in ms since JVM start (the same clock the client's smoke test uses), and exits.
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
        Scene scene = new Scene(table, 1200, 700);
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            System.out.println("bare-window: first table painted after " + uptime + " ms since JVM start");
            Platform.runLater(Platform::exit);
        };
        scene.addPostLayoutPulseListener(once[0]);
        stage.setTitle("Bare window");
        stage.setScene(scene);
        stage.show();
    }
}
