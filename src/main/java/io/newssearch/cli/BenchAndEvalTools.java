package io.newssearch.cli;

import java.util.List;

/** The tools of this project, found by {@link ToolCommands} (listed in META-INF/services). */
public final class BenchAndEvalTools implements ToolCommands {

  @Override
  public List<Object> commands() {
    return List.of(new BenchCommand(), new EvalCommand(), new EvalModesCommand());
  }
}
