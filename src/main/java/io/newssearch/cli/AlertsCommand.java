package io.newssearch.cli;

import io.newssearch.alerts.Alert;
import io.newssearch.alerts.AlertMatch;
import io.newssearch.alerts.Alerts;
import io.newssearch.alerts.WebhookPolicy;
import io.newssearch.http.Json;
import io.newssearch.search.InvalidRequestException;
import io.newssearch.search.SearchParameters;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newssearch alerts add|list|rm|matches}: saved searches on the store beside the index, the
 * same fields and checks as {@code /api/alerts}. A running server on the same index sees the
 * changes within a batch of writes.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
    description = "Saved searches that record (and, in a server, push) each new article they match.",
    subcommands = {AlertsCommand.Add.class, AlertsCommand.ListAlerts.class, AlertsCommand.Remove.class,
        AlertsCommand.Matches.class, CommandLine.HelpCommand.class})
final class AlertsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Opens the store of the index the options name, runs the work, and turns a bad value into exit 2. */
  abstract static class Base implements Callable<Integer> {
    @Mixin IndexOptions index;

    @Option(names = "--json", description = "Print JSON instead of text.") boolean json;

    abstract int run(Alerts alerts) throws IOException;

    @Override
    public Integer call() throws IOException {
      index.requireExistingFolder(); // a typo in --index is said so, not made a new empty store
      index.checkWritable(); // the store is written beside the index: a bad --index said in words first
      try (Alerts alerts = open()) {
        return run(alerts);
      } catch (InvalidRequestException e) {
        System.err.println("error: " + (e.parameter() == null ? e.getMessage()
            : (e.parameter().equals("q") ? "QUERY" : "--" + e.parameter()) + ": " + e.problem()));
        return 2;
      }
    }

    Alerts open() throws IOException {
      return Alerts.offline(index.alertsDir());
    }

    void print(Object value) throws IOException {
      System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Save a search as an alert.")
  static final class Add extends Base {
    @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "Query in Lucene syntax; empty: every article.")
    String query;
    @Option(names = "--name", required = true, description = "What the alert follows.") String name;
    @Option(names = "--lang", description = "Languages, any of them (repeatable).") List<String> lang = List.of();
    @Option(names = "--tag", description = "A tag every match has (repeatable).") List<String> tag = List.of();
    @Option(names = "--source", description = "A source, any of them (repeatable).") List<String> source = List.of();
    @Option(names = "--person", description = "A person every match names (repeatable).") List<String> person = List.of();
    @Option(names = "--org", description = "An organisation every match names (repeatable).") List<String> org = List.of();
    @Option(names = "--place", description = "A place every match names (repeatable).") List<String> place = List.of();
    @Option(names = "--op", paramLabel = "and|or", description = "or (default) or and.") String op;
    @Option(names = "--strict", description = "Refuse malformed query syntax.") boolean strict;
    @Option(names = "--webhook", paramLabel = "URL", description = "POST each match here (its host must be allowed).") String webhook;
    @Option(names = "--webhook-allow", paramLabel = "HOST[:PORT]",
        description = "Hosts webhooks may go to, as serve takes them (repeatable).") List<String> webhookAllow = List.of();

    @Override
    Alerts open() throws IOException {
      return Alerts.offline(index.alertsDir(), new WebhookPolicy(webhookAllow));
    }

    @Override
    int run(Alerts alerts) throws IOException {
      Map<String, List<String>> given = new LinkedHashMap<>();
      given.put("name", List.of(name));
      if (query != null) given.put("q", List.of(query));
      if (op != null) given.put("op", List.of(op));
      if (strict) given.put("strict", List.of("true"));
      if (webhook != null) given.put("webhook", List.of(webhook));
      Map<String, List<String>> lists = Map.of("lang", lang, "tag", tag, "source", source, "person", person, "org", org,
          "place", place);
      lists.forEach((k, v) -> {
        if (!v.isEmpty()) given.put(k, v);
      });
      Alert a = alerts.add(given);
      if (json) {
        print(a);
      } else {
        System.out.printf("added %s \"%s\"%nfeed: %s (on the server, e.g. http://localhost:8080%s)%n", a.id(), a.name(),
            a.feedPath(), a.feedPath());
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the alerts and their match counts.")
  static final class ListAlerts extends Base {
    @Override
    int run(Alerts alerts) throws IOException {
      List<Alert> all = alerts.list();
      if (json) {
        print(all);
        return 0;
      }
      for (Alert a : all) {
        System.out.printf("%s  %-30s  %6d matches  %s%s%n", a.id(), a.name(), alerts.status(a).matches(),
            a.search().isEmpty() ? "(every article)" : a.search(), a.webhook() == null ? "" : "  → " + a.webhook());
      }
      System.out.printf("%d alert(s)%n", all.size());
      return 0;
    }
  }

  @Command(name = "rm", mixinStandardHelpOptions = true, description = "Delete an alert and its matches.")
  static final class Remove extends Base {
    @Parameters(paramLabel = "ID") String id;

    @Override
    int run(Alerts alerts) throws IOException {
      if (!alerts.delete(id)) {
        System.err.println("error: no alert with id '" + id + "'");
        return 1;
      }
      System.out.println("deleted " + id);
      return 0;
    }
  }

  @Command(name = "matches", mixinStandardHelpOptions = true, description = "An alert's matches, newest first.")
  static final class Matches extends Base {
    @Parameters(paramLabel = "ID") String id;
    @Option(names = "--size", description = "How many (default: 20, at most 1000).") int size = 20;
    @Option(names = "--since", paramLabel = "DATE", description = "Only those matched since: 2025-07-25 or a date-time.") String since;

    @Override
    int run(Alerts alerts) throws IOException {
      if (alerts.get(id).isEmpty()) {
        System.err.println("error: no alert with id '" + id + "'");
        return 1;
      }
      if (size < 1 || size > 1000) {
        throw InvalidRequestException.parameter("size", "must be between 1 and 1000, got " + size);
      }
      Instant from = since == null ? null : SearchParameters.instant("since", since.strip(), false);
      List<AlertMatch> page = alerts.matches(id, size, Long.MAX_VALUE, from);
      if (json) {
        print(page);
        return 0;
      }
      for (AlertMatch m : page) {
        System.out.printf("%s  %s  [%s, %s]  %s%n", m.matchedAt(), m.title(), m.language(),
            m.source() == null ? "-" : m.source(), m.articleId());
      }
      System.out.printf("%d match(es)%n", page.size());
      return 0;
    }
  }
}
