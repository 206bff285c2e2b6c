package org.disentangle4j.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * File-system failures in words for the one-line error: what went wrong and with which path, never
 * the exception's class name ({@code FileAlreadyExistsException}, …) nor a temporary file's name.
 */
public final class IoErrors {
    private IoErrors() {}

    /**
     * What went wrong, e.g. {@code /data/x: no such file or directory}, {@code /runs/a: is a
     * directory}, {@code /runs/notes.txt: is a file, not a directory}, {@code permission denied}.
     */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f) {
            // a rename onto the target fails on the target (the other file); the temporary source is of no interest
            String path = f.getOtherFile() != null ? f.getOtherFile() : f.getFile();
            if (path != null && (f instanceof FileAlreadyExistsException || f instanceof NotDirectoryException
                    || "Not a directory".equalsIgnoreCase(String.valueOf(f.getReason())))) {
                // making a directory where a file is, or under one: name that file
                Path inTheWay = fileInTheWay(Path.of(path));
                if (inTheWay != null) return inTheWay + ": is a file, not a directory";
            }
            String what = reason(f, path);
            return path == null ? what : path + ": " + what;
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "input/output error" : lowerFirst(message.strip());
    }

    /** As {@link #describe(IOException)}, for the cause of an {@link UncheckedIOException}. */
    public static String describe(UncheckedIOException e) {
        return describe(e.getCause());
    }

    /** {@link #describe(IOException)} without the leading path when it is {@code file}'s: for "FILE: cannot read (WHY)". */
    public static String reason(IOException e, Path file) {
        return withoutPath(describe(e), file);
    }

    /** As {@link #reason(IOException, Path)}, for a file named by a string (e.g. an archive member). */
    public static String reason(IOException e, String named) {
        String description = describe(e);
        return description.startsWith(named + ": ") ? description.substring(named.length() + 2) : description;
    }

    /**
     * A user error for a file that cannot be written: {@code cannot write FILE: WHY}, where WHY
     * names the path at fault when it is not the file itself (e.g. a parent that is a file).
     */
    public static UserInputException cannotWrite(Path file, IOException e) {
        return new UserInputException("cannot write " + file + ": " + withoutPath(describe(e), file), e);
    }

    /** A user error for a file that cannot be read: {@code cannot read FILE: WHY}. */
    public static UserInputException cannotRead(Path file, IOException e) {
        return new UserInputException("cannot read " + file + ": " + withoutPath(describe(e), file), e);
    }

    /**
     * Checks that {@code file} is a regular file: one-line errors for a missing path ({@code FILE: no
     * such file}) and for a directory ({@code FILE: is a directory; expected a file}).
     */
    public static void requireFile(Path file) {
        if (Files.isRegularFile(file)) return;
        if (Files.isDirectory(file)) throw new UserInputException(file + ": is a directory; expected a file");
        if (Files.exists(file)) throw new UserInputException(file + ": not a regular file");
        throw new UserInputException(file + ": no such file");
    }

    /**
     * Fails at once, before any work, when {@code file} clearly cannot be written: it is a directory,
     * or the nearest existing parent is a file ({@code cannot write FILE: PARENT: is a file, not a
     * directory}). A write can still fail later (permissions, a full disk); this catches the typos.
     */
    public static void requireWritable(Path file) {
        if (Files.isDirectory(file)) throw new UserInputException("cannot write " + file + ": is a directory");
        for (Path p = file.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) return;
            if (Files.exists(p)) throw new UserInputException("cannot write " + file + ": " + p + ": is a file, not a directory");
        }
    }

    private static String reason(FileSystemException f, String path) {
        if (f instanceof NoSuchFileException) return "no such file or directory";
        if (f instanceof AccessDeniedException) return "permission denied";
        if (f instanceof NotDirectoryException) return "not a directory";
        if (f instanceof DirectoryNotEmptyException) return "directory not empty";
        if (f instanceof FileAlreadyExistsException) return "already exists";
        String reason = f.getReason();
        return reason == null || reason.isBlank() ? "input/output error" : lowerFirst(reason.strip());
    }

    /** The path itself or its nearest existing parent when that is not a directory, else null. */
    private static Path fileInTheWay(Path path) {
        for (Path p = path; p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) return null;
            if (Files.exists(p)) return p;
        }
        return null;
    }

    /** "FILE: why" → "why" when FILE is the file the sentence already names. */
    private static String withoutPath(String description, Path file) {
        for (Path named : new Path[] {file, file.toAbsolutePath()}) {
            String prefix = named + ": ";
            if (description.startsWith(prefix)) return description.substring(prefix.length());
        }
        return description;
    }

    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))) {
            return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
        }
        return s;
    }
}
