package org.partygraph.model.history;

import java.util.List;

/**
 * The event log and the transfer history of a store, as {@code export --history} writes them beside
 * a dataset and {@code import --history} reads them back, so that export → import keeps the past
 * (docs/dataset-format.md, "History file"). Values are kept as stored.
 *
 * @param events every event, in the log's order
 * @param transfers every transfer record
 * @param scenarios every saved scenario, applied ones with the report they had then
 */
public record History(List<HistoryEvent> events, List<HistoryTransfer> transfers, List<HistoryScenario> scenarios) {

	/** The format name, the file's {@code format} key. */
	public static final String FORMAT = "party-graph-history/1";

	public static final History EMPTY = new History(List.of(), List.of(), List.of());

	public History {
		events = List.copyOf(events);
		transfers = List.copyOf(transfers);
		scenarios = (scenarios != null) ? List.copyOf(scenarios) : List.of();
	}

	/** The events and transfers, without scenarios. */
	public History(List<HistoryEvent> events, List<HistoryTransfer> transfers) {
		this(events, transfers, List.of());
	}

}
