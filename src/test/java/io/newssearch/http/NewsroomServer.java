package io.newssearch.http;

import io.javalin.Javalin;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.TestIndexes;
import java.nio.file.Path;

/** The real server on a free port over a temp index of {@link TestIndexes#newsroom()}, writes disabled. */
record NewsroomServer(LuceneEngine engine, Javalin app) implements AutoCloseable {

  static NewsroomServer start(Path dir) throws Exception {
    TestIndexes.write(dir, TestIndexes.newsroom());
    LuceneEngine engine = new LuceneEngine(dir);
    return new NewsroomServer(engine, App.create(engine.search()).start("127.0.0.1", 0));
  }

  @Override
  public void close() throws Exception {
    app.stop();
    engine.close();
  }
}
