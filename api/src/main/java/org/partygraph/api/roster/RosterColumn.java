package org.partygraph.api.roster;

/** One column of a roster's mapping ({@code RosterColumnInput}): the file's header and the field it holds. */
public record RosterColumn(String header, String field) {
}
