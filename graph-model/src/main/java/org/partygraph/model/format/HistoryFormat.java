package org.partygraph.model.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.partygraph.model.InvalidDatasetException;
import org.partygraph.model.Problem;
import org.partygraph.model.history.History;
import org.partygraph.model.history.HistoryEvent;
import org.partygraph.model.history.HistoryScenario;
import org.partygraph.model.history.HistoryTransfer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The history file ({@code party-graph-history/1}, docs/dataset-format.md "History file"): the event
 * log, the transfer history and the saved scenarios beside a dataset file. Read whole and checked:
 * every problem is named by item (the event's or transfer's id, the scenario's name, else its
 * position) and field, and nothing is returned while any remains. Each problem's English is also a
 * wording of the bundles ({@code history.*}), keys and values as they are.
 */
public final class HistoryFormat {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Pattern KIND = Pattern.compile("[A-Z][A-Z_]*");

	private HistoryFormat() {
	}

	/** The history file that goes with a dataset file: {@code x.json} → {@code x.history.json}. */
	public static Path besides(Path datasetFile) {
		String name = datasetFile.getFileName().toString();
		String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
		return datasetFile.resolveSibling(stem + ".history.json");
	}

	public static History read(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return read(in);
		}
	}

	/**
	 * @throws InvalidDatasetException naming every problem (item and field)
	 */
	public static History read(InputStream input) throws IOException {
		JsonNode root;
		try {
			root = MAPPER.readTree(input);
		}
		catch (JacksonException ex) {
			throw new InvalidDatasetException(List.of(Problem.of(Problem.DATASET, "(file)",
					"not JSON: " + ex.getOriginalMessage(), "history.notJson", ex.getOriginalMessage())));
		}
		List<Problem> problems = new ArrayList<>();
		if (root == null || !root.isObject()) {
			throw new InvalidDatasetException(List.of(Problem.of(Problem.DATASET, "(file)", "not a JSON object", "history.notObject")));
		}
		JsonNode format = root.get("format");
		if (format == null || !format.isString() || !format.asString().equals(History.FORMAT)) {
			problems.add(Problem.of(Problem.DATASET, "format", "must be \"" + History.FORMAT + "\"", "history.format",
					History.FORMAT));
		}
		List<HistoryEvent> events = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (JsonNode e : list(root, "events", problems)) {
			Item item = new Item(e, "events[" + events.size() + "]", ids, problems);
			events.add(new HistoryEvent(item.id(), item.kind(), item.date("on", true), item.instant("recordedAt"),
					item.seq(), item.string("by"), item.string("scenario"), item.string("org"), item.string("other"),
					item.string("member"), item.string("detail"), item.value("before"), item.value("after"),
					item.string("transfer"), item.string("imported")));
		}
		List<HistoryTransfer> transfers = new ArrayList<>();
		Set<String> transferIds = new HashSet<>();
		for (JsonNode t : list(root, "transfers", problems)) {
			Item item = new Item(t, "transfers[" + transfers.size() + "]", transferIds, problems);
			String member = item.string("member");
			if (member == null && t.isObject()) {
				problems.add(Problem.of(item.name, "member", "required: the member's id", "history.required.member"));
			}
			transfers.add(new HistoryTransfer(item.id(), member, item.string("from"), item.string("to"),
					item.instant("at"), item.string("reason"), item.seq(), item.date("on", false), item.string("by"),
					item.string("dataset")));
		}
		List<HistoryScenario> scenarios = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (JsonNode s : list(root, "scenarios", problems)) {
			Item item = new Item(s, "scenarios[" + scenarios.size() + "]", "name", names, problems);
			String operations = item.string("operations");
			if (operations == null && s.isObject()) {
				problems.add(Problem.of(item.name, "operations", "required: the operations as JSON text",
						"history.required.operations"));
			}
			scenarios.add(new HistoryScenario(item.id(), item.string("within"), item.string("owner"), operations,
					item.seq("operationCount"), item.string("note"), item.instant("savedAt"), item.string("savedBy"),
					item.string("fingerprint"), item.string("steps"), item.optionalInstant("appliedAt"),
					item.string("appliedBy"), item.date("appliedOn", false), item.string("appliedReport")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidDatasetException(problems);
		}
		return new History(events, transfers, scenarios);
	}

	private static List<JsonNode> list(JsonNode root, String key, List<Problem> problems) {
		JsonNode node = root.get(key);
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			problems.add(Problem.of(Problem.DATASET, key, "must be a list", "history.notList"));
			return List.of();
		}
		List<JsonNode> items = new ArrayList<>();
		node.forEach(items::add);
		return items;
	}

	/** One event or transfer being read: its fields, each problem named by its id (else position). */
	private static final class Item {

		private final JsonNode node;

		private final String name;

		private final List<Problem> problems;

		private final String id;

		Item(JsonNode node, String position, Set<String> ids, List<Problem> problems) {
			this(node, position, "id", ids, problems);
		}

		/** An item whose key is {@code key} (a scenario's {@code name}), unique among {@code ids}. */
		Item(JsonNode node, String position, String key, Set<String> ids, List<Problem> problems) {
			this.node = node;
			this.problems = problems;
			JsonNode id = node.isObject() ? node.get(key) : null;
			this.id = (id != null && id.isString() && !id.asString().isBlank()) ? id.asString() : null;
			this.name = (this.id != null) ? this.id : position;
			if (!node.isObject()) {
				problems.add(Problem.of(position, "(item)", "must be a JSON object", "history.itemNotObject"));
			}
			else if (this.id == null) {
				problems.add(Problem.of(position, key, "required: a non-blank text", "history.required.text"));
			}
			else if (!ids.add(this.id)) {
				problems.add(Problem.of(position, key, "'" + this.id + "' is used twice", "history.usedTwice", this.id));
			}
		}

		String id() {
			return this.id;
		}

		/** A problem of this item's {@code key}: its English and the same as a wording of the bundles. */
		private void report(String key, String message, String wordingKey, Object... args) {
			this.problems.add(Problem.of(this.name, key, message, wordingKey, args));
		}

		String kind() {
			String kind = string("kind");
			if (this.node.isObject() && (kind == null || !KIND.matcher(kind).matches())) {
				report("kind", "required: an event kind such as MOVED", "history.required.kind");
			}
			return kind;
		}

		String string(String key) {
			JsonNode v = this.node.isObject() ? this.node.get(key) : null;
			if (v == null || v.isNull()) {
				return null;
			}
			if (!v.isString()) {
				report(key, "must be a text", "history.notText");
				return null;
			}
			return v.asString();
		}

		LocalDate date(String key, boolean required) {
			String text = string(key);
			if (text == null) {
				if (required && this.node.isObject()) {
					report(key, "required: a date yyyy-MM-dd", "history.required.date");
				}
				return null;
			}
			try {
				return LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				report(key, "'" + text + "' is not a date yyyy-MM-dd", "history.notDate", text);
				return null;
			}
		}

		Instant instant(String key) {
			JsonNode v = this.node.isObject() ? this.node.get(key) : null;
			if ((v == null || v.isNull()) && this.node.isObject()) {
				report(key, "required: an instant such as 2024-01-02T03:04:05Z", "history.required.instant");
				return null;
			}
			return optionalInstant(key);
		}

		/** An instant, or {@code null} when the key is absent. */
		Instant optionalInstant(String key) {
			String text = string(key);
			if (text == null) {
				return null;
			}
			try {
				return Instant.parse(text);
			}
			catch (DateTimeParseException ex) {
				report(key, "'" + text + "' is not an instant such as 2024-01-02T03:04:05Z", "history.notInstant", text);
				return null;
			}
		}

		long seq() {
			return seq("seq");
		}

		/** A required whole number, 0 or more. */
		long seq(String key) {
			JsonNode v = this.node.isObject() ? this.node.get(key) : null;
			if (v == null || !v.isIntegralNumber() || v.asLong() < 0) {
				if (this.node.isObject()) {
					report(key, "required: a whole number, 0 or more", "history.required.wholeNumber");
				}
				return 0;
			}
			return v.asLong();
		}

		/** {@code before}/{@code after}: null, a text, a number, a boolean, or a list of those. */
		Object value(String key) {
			JsonNode v = this.node.isObject() ? this.node.get(key) : null;
			if (v == null || v.isNull()) {
				return null;
			}
			if (v.isArray()) {
				List<Object> values = new ArrayList<>();
				for (JsonNode x : v) {
					Object scalar = scalar(x);
					if (scalar == null) {
						report(key, "a list may hold texts, numbers and booleans only", "history.listOfScalars");
						return null;
					}
					values.add(scalar);
				}
				return values;
			}
			Object scalar = scalar(v);
			if (scalar == null) {
				report(key, "must be a text, a number, a boolean or a list of them", "history.notValue");
			}
			return scalar;
		}

		private static Object scalar(JsonNode x) {
			if (x.isString()) {
				return x.asString();
			}
			if (x.isBoolean()) {
				return x.asBoolean();
			}
			if (x.isIntegralNumber()) {
				return x.asLong();
			}
			if (x.isNumber()) {
				return x.asDouble();
			}
			return null;
		}

	}

	/** Writes the history, owner-readable only (as the dataset file beside it). */
	public static void write(History history, Path file) throws IOException {
		ObjectNode root = MAPPER.createObjectNode();
		root.put("format", History.FORMAT);
		ArrayNode events = root.putArray("events");
		for (HistoryEvent e : history.events()) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", e.id());
			m.put("kind", e.kind());
			m.put("on", (e.on() != null) ? e.on().toString() : null);
			m.put("recordedAt", (e.recordedAt() != null) ? e.recordedAt().toString() : null);
			m.put("seq", e.seq());
			m.put("by", e.by());
			m.put("scenario", e.scenario());
			m.put("org", e.org());
			m.put("other", e.other());
			m.put("member", e.member());
			m.put("detail", e.detail());
			m.put("before", e.before());
			m.put("after", e.after());
			m.put("transfer", e.transfer());
			m.put("imported", e.imported());
			m.values().removeIf((v) -> v == null);
			events.add(MAPPER.valueToTree(m));
		}
		ArrayNode transfers = root.putArray("transfers");
		for (HistoryTransfer t : history.transfers()) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", t.id());
			m.put("member", t.member());
			m.put("from", t.from());
			m.put("to", t.to());
			m.put("at", (t.at() != null) ? t.at().toString() : null);
			m.put("reason", t.reason());
			m.put("seq", t.seq());
			m.put("on", (t.on() != null) ? t.on().toString() : null);
			m.put("by", t.by());
			m.put("dataset", t.dataset());
			m.values().removeIf((v) -> v == null);
			transfers.add(MAPPER.valueToTree(m));
		}
		ArrayNode scenarios = root.putArray("scenarios");
		for (HistoryScenario sc : history.scenarios()) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("name", sc.name());
			m.put("within", sc.within());
			m.put("owner", sc.owner());
			m.put("operations", sc.operations());
			m.put("operationCount", sc.operationCount());
			m.put("note", sc.note());
			m.put("savedAt", (sc.savedAt() != null) ? sc.savedAt().toString() : null);
			m.put("savedBy", sc.savedBy());
			m.put("fingerprint", sc.fingerprint());
			m.put("steps", sc.steps());
			m.put("appliedAt", (sc.appliedAt() != null) ? sc.appliedAt().toString() : null);
			m.put("appliedBy", sc.appliedBy());
			m.put("appliedOn", (sc.appliedOn() != null) ? sc.appliedOn().toString() : null);
			m.put("appliedReport", sc.appliedReport());
			m.values().removeIf((v) -> v == null);
			scenarios.add(MAPPER.valueToTree(m));
		}
		try (OutputStream out = DatasetWriter.newOwnerOnlyFile(file)) {
			MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, root);
		}
	}

}
