package org.partygraph.api.roster;

/** The format of a roster file ({@code RosterFormat} in GraphQL). */
public enum RosterFormat {

	CSV, XLSX

}
