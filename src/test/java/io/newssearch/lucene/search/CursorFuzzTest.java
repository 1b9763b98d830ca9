package io.newssearch.lucene.search;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newssearch.Fuzzing;
import io.newssearch.search.InvalidRequestException;
import io.newssearch.search.SortOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.lucene.search.FieldDoc;

/**
 * Any {@code cursor} a client sends: a position, or {@code bad_cursor} (a 400). A position encodes
 * back to a cursor that decodes to the same position.
 */
class CursorFuzzTest {

  @FuzzTest
  void fuzz(byte[] input) throws Exception {
    if (input.length == 0) {
      return;
    }
    SortOrder sort = SortOrder.values()[(input[0] & 0xff) % SortOrder.values().length];
    String cursor = new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_8);
    Fuzzing.run(CursorFuzzTest.class, input, () -> {
      FieldDoc position;
      try {
        position = Cursor.decode(cursor, sort, 1000);
      } catch (InvalidRequestException rejected) {
        if (!rejected.code().equals("bad_cursor")) {
          throw new AssertionError("a cursor refused as " + rejected.code(), rejected);
        }
        return;
      }
      FieldDoc again = Cursor.decode(Cursor.encode(sort, position), sort, 1000);
      if (!Arrays.equals(position.fields, again.fields)) {
        throw new AssertionError("round trip changed " + Arrays.toString(position.fields) + " to "
            + Arrays.toString(again.fields));
      }
    });
  }
}
