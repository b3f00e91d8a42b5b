package netbook.repl;

import java.util.List;
import org.jline.reader.CompletingParsedLine;

/**
 * A line as the completer sees it: the whole buffer, the cursor, and where the word being completed
 * starts (an identifier, a command name, or the text inside a name string). Java needs no shell
 * quoting, so candidates are inserted as they are.
 */
record JavaLine(String line, int cursor, int wordStart) implements CompletingParsedLine {
  @Override
  public String word() {
    return line.substring(wordStart, cursor);
  }

  @Override
  public int wordCursor() {
    return cursor - wordStart;
  }

  @Override
  public int wordIndex() {
    return 0;
  }

  @Override
  public List<String> words() {
    return List.of(word());
  }

  @Override
  public CharSequence escape(CharSequence candidate, boolean complete) {
    return candidate;
  }

  @Override
  public int rawWordCursor() {
    return wordCursor();
  }

  @Override
  public int rawWordLength() {
    return cursor - wordStart;
  }
}
