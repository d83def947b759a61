package dev.lodestone.core;

import java.nio.file.Path;

/** Another process already runs on this data folder. */
public class DataFolderInUseException extends IllegalStateException {
    public DataFolderInUseException(Path folder) {
        super("data folder " + folder.toAbsolutePath() + " is in use by another Lodestone process");
    }
}
