package io.newssearch.entities;

import java.util.List;

/** Typed names of one article, each list without duplicates, in order of first mention. */
public record Entities(List<String> people, List<String> orgs, List<String> places) {

  public static final Entities NONE = new Entities(List.of(), List.of(), List.of());

  public Entities {
    people = List.copyOf(people);
    orgs = List.copyOf(orgs);
    places = List.copyOf(places);
  }
}
