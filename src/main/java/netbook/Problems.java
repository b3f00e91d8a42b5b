package netbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what went wrong in plain words, never a Java class name: {@link #io} for a file problem
 * ("there is no such file", "permission denied"), {@link #plain} for an exception out of a snippet
 * or out of netbook itself ({@code "abc" is not a number} for Java's {@code For input string}).
 */
public final class Problems {
  private static final Pattern INPUT_STRING =
      Pattern.compile("For input string: \"(.*)\"(?: under radix \\d+)?");

  private Problems() {}

  /** Why a file operation failed, in words (no class name, no repeated path). */
  public static String io(IOException e) {
    if (e instanceof java.net.ConnectException) {
      return "the connection was refused";
    }
    if (e instanceof java.net.http.HttpTimeoutException
        || e instanceof java.net.SocketTimeoutException) {
      return "no answer in time";
    }
    if (e instanceof NoSuchFileException) {
      return "there is no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "a part of the path is a file, not a directory";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "it exists already";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "the directory is not empty";
    }
    String m = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    if (m == null || m.isBlank()) {
      return "the system could not read or write it";
    }
    String lower = m.toLowerCase(Locale.ROOT);
    if (lower.contains("is a directory")) {
      return "it is a directory, not a file";
    }
    if (lower.contains("no space")) {
      return "the disk is full";
    }
    return m.strip();
  }

  /** One plain line for an exception: Java's class names turned into words. */
  public static String plain(Throwable t) {
    if (t instanceof UncheckedIOException u) {
      return plain(u.getCause());
    }
    if (t instanceof IOException io) {
      String path = t instanceof FileSystemException f ? f.getFile() : null;
      return (path == null ? "" : path + ": ") + io(io);
    }
    return plain(t.getClass().getName(), t.getMessage());
  }

  /**
   * One plain line for an exception known by its class name (as JShell reports a snippet's) and
   * message: the message where it already reads as words, else what happened in words.
   */
  public static String plain(String className, String message) {
    String msg = message == null ? "" : message.strip();
    String simple = className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    switch (simple) {
      case "NumberFormatException" -> {
        Matcher m = INPUT_STRING.matcher(msg);
        if (m.matches()) {
          return "\"" + m.group(1) + "\" is not a number: give digits only, like 42";
        }
        return msg.isEmpty() ? "that is not a number: give digits only, like 42" : msg;
      }
      case "NullPointerException" -> {
        return "a value is null"
            + (msg.isEmpty() ? "" : " (" + msg + ")")
            + ": check that the variable was set before it is used";
      }
      case "ArithmeticException" -> {
        return msg.equals("/ by zero") ? "division by zero: check the divisor" : msg;
      }
      case "IndexOutOfBoundsException",
          "ArrayIndexOutOfBoundsException",
          "StringIndexOutOfBoundsException" -> {
        return (msg.isEmpty() ? "an index is out of range" : msg)
            + ": indexes go from 0 to the size minus 1";
      }
      case "ClassCastException" -> {
        return "a value has another type than expected" + (msg.isEmpty() ? "" : " (" + msg + ")");
      }
      case "NoSuchElementException" -> {
        return (msg.isEmpty() ? "there is no such element" : msg)
            + ": check that it exists before taking it";
      }
      case "UnsupportedOperationException" -> {
        return "that cannot be changed (a read-only list or map?)"
            + (msg.isEmpty() ? "" : ": " + msg);
      }
      case "ConcurrentModificationException" -> {
        return "a list or map changed while it was being walked: collect the changes first";
      }
      case "StackOverflowError" -> {
        return "a method called itself too deeply: check its stopping case";
      }
      case "OutOfMemoryError" -> {
        return "out of memory: make the data smaller";
      }
      default -> {
        if (className.startsWith("netbook.") || !msg.isEmpty()) {
          return msg.isEmpty() ? words(simple) : msg;
        }
        return words(simple);
      }
    }
  }

  /**
   * Whether a snippet's exception is one of Java's own whose text reads as internals ({@code For
   * input string}, {@code / by zero}, a null): those are said in words; others keep JShell's form.
   */
  public static boolean isJavaInternal(String className) {
    return switch (className) {
      case "java.lang.NumberFormatException",
          "java.lang.NullPointerException",
          "java.lang.ArithmeticException",
          "java.lang.IndexOutOfBoundsException",
          "java.lang.ArrayIndexOutOfBoundsException",
          "java.lang.StringIndexOutOfBoundsException",
          "java.lang.ClassCastException",
          "java.util.NoSuchElementException",
          "java.lang.UnsupportedOperationException",
          "java.util.ConcurrentModificationException",
          "java.lang.StackOverflowError",
          "java.lang.OutOfMemoryError" ->
          true;
      default -> false;
    };
  }

  /** {@code IllegalStateException} → "illegal state". */
  private static String words(String simple) {
    String base = simple.replaceAll("(Exception|Error)$", "");
    return base.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).strip()
        + " (no message)";
  }
}
