package netbook.engine.docker;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;

/**
 * Pretty-prints JSON the way {@code docker inspect} does (Go's json.Indent with four spaces):
 * {@code "Key": value}, every array element on its own line, {@code {}} and {@code []} when empty.
 */
final class DockerJsonPrinter extends DefaultPrettyPrinter {
  private static final long serialVersionUID = 1L;

  DockerJsonPrinter() {
    super(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    DefaultIndenter four = new DefaultIndenter("    ", "\n");
    indentObjectsWith(four);
    indentArraysWith(four);
  }

  @Override
  public DefaultPrettyPrinter createInstance() {
    return new DockerJsonPrinter();
  }

  @Override
  public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
    if (nrOfEntries == 0) {
      _nesting--;
      g.writeRaw('}');
      return;
    }
    super.writeEndObject(g, nrOfEntries);
  }

  @Override
  public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
    if (nrOfValues == 0) {
      _nesting--;
      g.writeRaw(']');
      return;
    }
    super.writeEndArray(g, nrOfValues);
  }
}
