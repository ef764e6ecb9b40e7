package org.partygraph.model.format;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.partygraph.model.Problem;
import org.partygraph.model.Wording;
import tools.jackson.databind.JsonNode;

/**
 * The keys of one JSON object of a dataset file (an item, a role, the top level) read as typed
 * values. A value of the wrong shape is reported as a {@link Problem} and read as {@code null}, so
 * that reading goes on and every problem is found in one pass. Each problem's English message is
 * also a {@link Wording} of the bundles ({@code dataset.field.*}), keys and values as they are.
 */
final class Fields {

	private final String item;

	private final String prefix;

	private final Map<String, JsonNode> values;

	private final List<Problem> problems;

	/** Keys already reported whose values are not read, so they are not also reported as missing. */
	private final Set<String> discarded = new HashSet<>(0);

	/**
	 * @param item how the item is named in problems
	 * @param prefix put before each key in problems, e.g. {@code roles[0].}
	 * @param values the object's keys and values
	 * @param problems where to add problems
	 */
	Fields(String item, String prefix, Map<String, JsonNode> values, List<Problem> problems) {
		this.item = item;
		this.prefix = prefix;
		this.values = values;
		this.problems = problems;
	}

	/**
	 * Reports each key that is not one of {@code allowed}, suggesting the allowed key meant.
	 * @param allowed the allowed keys, in the order they are listed in a problem
	 */
	void rejectUnknown(Set<String> allowed) {
		for (String key : this.values.keySet()) {
			if (!allowed.contains(key)) {
				this.problems.add(unknownKey(this.item, this.prefix + key, key, allowed));
			}
		}
	}

	/** The problem of a key that is not allowed, with the allowed key a typo most likely meant. */
	static Problem unknownKey(String item, String field, String key, Set<String> allowed) {
		String suggestion = closest(key, allowed);
		String listed = String.join(", ", allowed);
		return Problem.of(item, field,
				"unknown key '" + key + "'" + ((suggestion != null) ? "; did you mean '" + suggestion + "'?" : "")
						+ " (allowed: " + listed + ")",
				"dataset.field.unknownKey", key,
				(suggestion != null) ? Wording.of("dataset.field.unknownKey.didYouMean", suggestion) : "", listed);
	}

	/** Reports a problem with a key ({@link #report}) and reads it as absent from then on. */
	void discard(String key, String message, String wordingKey, Object... args) {
		report(key, message, wordingKey, args);
		this.discarded.add(key);
	}

	/** The value of a key, {@code null} when absent, JSON {@code null} or discarded. */
	JsonNode node(String key) {
		JsonNode node = this.discarded.contains(key) ? null : this.values.get(key);
		return (node == null || node.isNull()) ? null : node;
	}

	String text(String key, boolean required) {
		JsonNode node = present(key, required);
		if (node == null) {
			return null;
		}
		if (!node.isString()) {
			report(key, key + " must be a string, not " + describe(node), "dataset.field.notString", key,
					describeWording(node));
			return null;
		}
		return node.stringValue();
	}

	/** The item's id: a string that is not blank. */
	String id() {
		String id = text("id", true);
		if (id != null && id.isBlank()) {
			report("id", "id must not be empty", "dataset.field.idEmpty");
			return null;
		}
		return id;
	}

	/** A single id of an item in another list, e.g. {@code parent}. */
	String reference(String key, String target, boolean required) {
		JsonNode node = present(key, required);
		if (node == null) {
			return null;
		}
		if (!node.isString()) {
			report(key, key + " must be a single " + target + " id, not " + describe(node), "dataset.field.notReference",
					key, Wording.of("dataset.field.target." + target), describeWording(node));
			return null;
		}
		return node.stringValue();
	}

	/** A list of ids of items in another list, e.g. {@code coManagedBy}; a bad entry drops the list. */
	List<String> references(String key, String target) {
		JsonNode node = node(key);
		if (node == null) {
			return null;
		}
		if (!node.isArray()) {
			report(key, key + " must be a list of " + target + " ids, not " + describe(node),
					"dataset.field.notReferences", key, Wording.of("dataset.field.target." + target), describeWording(node));
			return null;
		}
		List<String> ids = new ArrayList<>(node.size());
		for (int i = 0; i < node.size(); i++) {
			JsonNode entry = node.get(i);
			if (!entry.isString()) {
				report(key + "[" + i + "]", key + "[" + i + "] must be " + (target.equals("org") ? "an " : "a ")
						+ target + " id, not " + describe(entry), "dataset.field.notReferenceEntry", key + "[" + i + "]",
						Wording.of("dataset.a." + target), describeWording(entry));
				return null;
			}
			ids.add(entry.stringValue());
		}
		return ids;
	}

	<E extends Enum<E>> E choice(String key, Class<E> type, boolean required) {
		JsonNode node = present(key, required);
		if (node == null) {
			return null;
		}
		String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
		if (!node.isString()) {
			report(key, key + " must be one of " + allowed + ", not " + describe(node), "dataset.field.notChoice", key,
					allowed, describeWording(node));
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(node.stringValue())) {
				return constant;
			}
		}
		report(key, key + " '" + node.stringValue() + "' is not allowed; use one of " + allowed,
				"dataset.field.choiceNotAllowed", key, node.stringValue(), allowed);
		return null;
	}

	/** A count of households: a whole number, 0 or more. */
	Integer count(String key) {
		JsonNode node = node(key);
		if (node == null) {
			return null;
		}
		if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
			report(key, key + " must be a whole number of 0 or more, not " + describe(node), "dataset.field.notCount",
					key, describeWording(node));
			return null;
		}
		return node.intValue();
	}

	Boolean flag(String key) {
		JsonNode node = node(key);
		if (node == null) {
			return null;
		}
		if (!node.isBoolean()) {
			report(key, key + " must be true or false, not " + describe(node), "dataset.field.notFlag", key,
					describeWording(node));
			return null;
		}
		return node.booleanValue();
	}

	/** An ISO date, {@code yyyy-MM-dd}. */
	LocalDate date(String key) {
		JsonNode node = node(key);
		if (node == null) {
			return null;
		}
		if (node.isString()) {
			try {
				// LocalDate.parse is ISO_LOCAL_DATE with strict resolving: 2001-02-30 is refused.
				return LocalDate.parse(node.stringValue());
			}
			catch (DateTimeParseException ex) {
				// reported below
			}
		}
		report(key, key + " must be an ISO date yyyy-MM-dd, not " + describe(node), "dataset.field.notDate", key,
				describeWording(node));
		return null;
	}

	/** A list of ISO dates, e.g. {@code formerUntil}; a bad entry drops the list. */
	List<LocalDate> dates(String key) {
		JsonNode node = node(key);
		if (node == null) {
			return null;
		}
		if (!node.isArray()) {
			report(key, key + " must be a list of ISO dates yyyy-MM-dd, not " + describe(node), "dataset.field.notDates",
					key, describeWording(node));
			return null;
		}
		List<LocalDate> dates = new ArrayList<>(node.size());
		for (int i = 0; i < node.size(); i++) {
			JsonNode entry = node.get(i);
			try {
				dates.add(LocalDate.parse(entry.isString() ? entry.stringValue() : ""));
			}
			catch (DateTimeParseException ex) {
				report(key + "[" + i + "]", key + "[" + i + "] must be an ISO date yyyy-MM-dd, not " + describe(entry),
						"dataset.field.notDate", key + "[" + i + "]", describeWording(entry));
				return null;
			}
		}
		return dates;
	}

	/** How the item is named in problems. */
	String item() {
		return this.item;
	}

	/**
	 * Reports a problem with a key: its English message and the same message as a wording of the
	 * bundles ({@code wordingKey}, {@code args}).
	 */
	void report(String key, String message, String wordingKey, Object... args) {
		this.problems.add(Problem.of(this.item, this.prefix + key, message, wordingKey, args));
	}

	private JsonNode present(String key, boolean required) {
		JsonNode node = node(key);
		if (node == null && required && !this.discarded.contains(key)) {
			report(key, key + " is missing", "problem.missing", key);
		}
		return node;
	}

	/** A JSON value as it is named in a problem: its type, and its text when short. */
	static String describe(JsonNode node) {
		if (node.isArray()) {
			return "a list";
		}
		if (node.isObject()) {
			return "an object";
		}
		if (node.isNull()) {
			return "null";
		}
		// A scalar is shown as written, quotes and all, so that "120" and 120 can be told apart.
		String text = node.toString();
		return (text.length() > 40) ? text.substring(0, 40) + "..." : text;
	}

	/**
	 * {@link #describe} as an argument of a wording: a list or an object as a wording of the bundles
	 * ({@code dataset.json.token.*}), a scalar or {@code null} as written.
	 */
	static Object describeWording(JsonNode node) {
		if (node.isArray()) {
			return Wording.of("dataset.json.token.list");
		}
		if (node.isObject()) {
			return Wording.of("dataset.json.token.object");
		}
		return describe(node);
	}

	/** The allowed key a typo most likely meant: same letters ignoring case, or at most 2 edits away. */
	private static String closest(String key, Set<String> allowed) {
		String best = null;
		int bestDistance = 3;
		for (String candidate : allowed) {
			int distance = key.toLowerCase(Locale.ROOT).equals(candidate.toLowerCase(Locale.ROOT)) ? 0
					: distance(key, candidate);
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best;
	}

	private static int distance(String a, String b) {
		if (Math.abs(a.length() - b.length()) > 2) {
			return Integer.MAX_VALUE;
		}
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
