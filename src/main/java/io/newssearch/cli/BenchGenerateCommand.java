package io.newssearch.cli;

import io.newssearch.bench.CorpusGenerator;
import io.newssearch.ingest.ParsedCorpus;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newssearch bench generate}: a larger corpus resampled from a real one. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Make a larger corpus (JSON Lines .gz) from a real one: real headlines and sentences, new ids, dates and tags. Seeded.")
final class BenchGenerateCommand implements Callable<Integer> {

  @Option(names = "--from", required = true, split = ",", paramLabel = "PATH", description = "The real corpus.")
  List<Path> from;

  @Option(names = "--articles", required = true, description = "How many articles to make.")
  int articles;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the .jsonl.gz files.")
  Path out;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (!BenchSupport.atLeastOne("--articles", articles) || !BenchSupport.corpusExists(from)) {
      return 2;
    }
    ParsedCorpus real = ParsedCorpus.read(from);
    List<Path> files = CorpusGenerator.generate(real.articles(), articles, seed, out);
    System.out.printf("%d articles from %d real ones into %s (%d files)%n", articles, real.articles().size(), out, files.size());
    return 0;
  }
}
