package io.newssearch.cli;

import io.newssearch.bench.CorpusGenerator;
import io.newssearch.bench.RealText;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newssearch bench generate}: a large multilingual corpus made from real collections. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Make a large corpus (JSON Lines .gz) from real collections: real headlines and sentences per "
        + "language, new ids, dates, and a share of republished near-duplicate copies. Seeded.")
final class BenchGenerateCommand implements Callable<Integer> {

  /** English (Reuters) and 19 other languages (MasakhaNEWS, Persian, Arabic/Kurdish, German). */
  static final String DEFAULT_FROM = "../shared/data/reuters21578,../shared/data/masakhanews,"
      + "../shared/data/iranian-news-fa,../shared/data/multilingual-news-en-ar-ku,../shared/data/10kGNAD-de-test";

  @Option(names = "--from", split = ",", paramLabel = "PATH", defaultValue = DEFAULT_FROM,
      description = "The real collections (default: Reuters-21578, MasakhaNEWS, Persian news, en/ar/ku news, 10kGNAD).")
  List<Path> from;

  @Option(names = "--articles", required = true, description = "How many articles to make.")
  long articles;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the .jsonl.gz files.")
  Path out;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--republished", defaultValue = "0.04",
      description = "Share of articles that are another source's lightly edited copy of a recent one (default: ${DEFAULT-VALUE}).")
  double republished;

  @Option(names = "--english", defaultValue = "0.5",
      description = "Share of English articles; the other languages share the rest by real size (default: ${DEFAULT-VALUE}).")
  double english;

  @Override
  public Integer call() throws Exception {
    if (!BenchSupport.atLeastOne("--articles", articles) || !BenchSupport.corpusExists(from)) {
      return 2;
    }
    if (republished < 0 || republished > 1 || english < 0 || english > 1) {
      System.err.println("bench: --republished and --english are shares between 0 and 1");
      return 2;
    }
    CorpusGenerator.Summary s = generate(from, new CorpusGenerator.Options(articles, seed, republished, english), out);
    System.out.printf(Locale.ROOT, "%,d articles (%,d republished copies) in %d languages into %s (%d files)%n",
        s.articles(), s.copies(), s.perLanguage().size(), out, s.files().size());
    System.out.println("per language: " + s.perLanguage());
    return 0;
  }

  static CorpusGenerator.Summary generate(List<Path> from, CorpusGenerator.Options options, Path out) throws Exception {
    return CorpusGenerator.generate(RealText.read(from), options, out);
  }
}
