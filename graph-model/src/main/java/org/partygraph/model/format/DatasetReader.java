package org.partygraph.model.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.partygraph.model.AwayRecord;
import org.partygraph.model.Candidate;
import org.partygraph.model.Dataset;
import org.partygraph.model.Dispatch;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.Problem;
import org.partygraph.model.Unit;
import org.partygraph.model.Wording;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code party-graph/2} (or {@code /1}) file into a {@link Dataset}, collecting every structural problem
 * (malformed JSON, unknown keys, wrong types, bad enum values, missing required fields) instead of
 * stopping at the first.
 *
 * <p>
 * The top level is walked with the streaming parser and each list item is read as a small tree on
 * its own, so memory holds the records, never a tree of the whole file. Hard rules that need the
 * whole dataset (references, duplicates, cycles) are the {@link org.partygraph.model.DatasetValidator
 * validator}'s; {@link DatasetFormat} runs both.
 */
public final class DatasetReader {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		// Each item is read with readTree while the parser goes on, so tokens after it are expected.
		.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		// The caller owns a stream it passes in.
		.disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
		.build();

	private static final Set<String> TOP_LEVEL_KEYS = ItemReader.keys("format", "name", "units", "orgs", "members",
			"candidates", "dispatches", "away");

	private final List<Problem> problems = new ArrayList<>();

	private final ItemReader items = new ItemReader(MAPPER, this.problems);

	private final Map<String, JsonNode> topLevel = new HashMap<>();

	private final List<Unit> units = new ArrayList<>();

	private final List<Org> orgs = new ArrayList<>();

	private final List<Member> members = new ArrayList<>();

	private final List<Candidate> candidates = new ArrayList<>();

	private final List<Dispatch> dispatches = new ArrayList<>();

	private final List<AwayRecord> away = new ArrayList<>();

	private final ItemSink sink;

	private boolean complete = true;

	/**
	 * The top-level keys of {@code /2} given with a value that is not {@code null} ({@code candidates},
	 * {@code dispatches}, {@code away}), in file order.
	 */
	private final Set<String> format2ListsGiven = new java.util.LinkedHashSet<>();

	private DatasetReader(ItemSink sink) {
		this.sink = (sink != null) ? sink : collecting();
	}

	/** The sink of {@link #read}: every item into this reader's lists. */
	private ItemSink collecting() {
		return new ItemSink() {

			@Override
			public void unit(Unit unit) {
				DatasetReader.this.units.add(unit);
			}

			@Override
			public void org(Org org) {
				DatasetReader.this.orgs.add(org);
			}

			@Override
			public void member(Member member) {
				DatasetReader.this.members.add(member);
			}

			@Override
			public void candidate(Candidate candidate) {
				DatasetReader.this.candidates.add(candidate);
			}

			@Override
			public void dispatch(Dispatch dispatch) {
				DatasetReader.this.dispatches.add(dispatch);
			}

			@Override
			public void away(AwayRecord record) {
				DatasetReader.this.away.add(record);
			}

		};
	}

	/**
	 * Takes the items of a file one at a time as {@link #stream(Path, ItemSink)} reads them, so a
	 * file of millions of members is never held in memory. Items come in file order, each list's
	 * items in a row; a list's end is announced before the next list begins.
	 */
	public interface ItemSink {

		void unit(Unit unit);

		void org(Org org);

		void member(Member member);

		/** Takes a candidate ({@code candidates}, {@code party-graph/2}); by default passes it over. */
		default void candidate(Candidate candidate) {
		}

		/** Takes a first secretary's dispatch ({@code dispatches}, {@code party-graph/2}); by default passes it over. */
		default void dispatch(Dispatch dispatch) {
		}

		/** Takes a mobile member's stay away ({@code away}, {@code party-graph/2}); by default passes it over. */
		default void away(AwayRecord record) {
		}

		/**
		 * Called when a list has been read to its end.
		 * @param list {@code units}, {@code orgs}, {@code members}, {@code candidates}, {@code dispatches}
		 * or {@code away}
		 */
		default void endOfList(String list) {
		}

		/**
		 * Called when the dataset's name has been read, if it is a string (whether it is a valid
		 * name is checked at the end, with everything else).
		 * @param name the name as given
		 */
		default void name(String name) {
		}

		/** A sink that hands each kind of item to its own consumer (candidates passed over). */
		static ItemSink of(Consumer<Unit> units, Consumer<Org> orgs, Consumer<Member> members) {
			return of(units, orgs, members, (candidate) -> {
			});
		}

		/** A sink that hands each kind of item, candidates too, to its own consumer. */
		static ItemSink of(Consumer<Unit> units, Consumer<Org> orgs, Consumer<Member> members,
				Consumer<Candidate> candidates) {
			return new ItemSink() {

				@Override
				public void unit(Unit unit) {
					units.accept(unit);
				}

				@Override
				public void org(Org org) {
					orgs.accept(org);
				}

				@Override
				public void member(Member member) {
					members.accept(member);
				}

				@Override
				public void candidate(Candidate candidate) {
					candidates.accept(candidate);
				}

			};
		}

		/** A sink that takes the members and passes over units and orgs. */
		static ItemSink membersOnly(Consumer<Member> members) {
			return of((unit) -> {
			}, (org) -> {
			}, members);
		}

	}

	/**
	 * What reading a file gave.
	 *
	 * @param dataset the items read; a field with a problem is {@code null} (or its list empty), an
	 * entry that is not an object is an item with every field {@code null}
	 * @param problems the structural problems, in file order; empty when the file is sound
	 * @param complete whether every list was read to its end; when not (malformed JSON, a list that is
	 * not a list) items are missing, so references cannot fairly be checked
	 */
	public record Result(Dataset dataset, List<Problem> problems, boolean complete) {

		public Result {
			problems = List.copyOf(problems);
		}

	}

	/**
	 * Reads a dataset from a UTF-8 stream, which is left open.
	 * @param input the stream
	 * @return the dataset read and the problems found
	 * @throws IOException if the stream cannot be read
	 */
	public static Result read(InputStream input) throws IOException {
		return read(input, null);
	}

	/**
	 * Reads a file item by item into a sink, holding none of them: the result's dataset has the
	 * name and empty lists. Structural problems are collected as {@link #read(Path)} does; the
	 * items given to the sink are the ones read, a field with a problem being {@code null}.
	 * @param file the file
	 * @param sink takes each item as it is read
	 * @return the dataset's name (lists empty) and the problems found
	 * @throws IOException if the file cannot be read
	 */
	public static Result stream(Path file, ItemSink sink) throws IOException {
		try (InputStream input = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
			return read(input, sink);
		}
	}

	/**
	 * Reads a UTF-8 stream, which is left open, item by item into a sink; see
	 * {@link #stream(Path, ItemSink)}.
	 * @param input the stream
	 * @param sink takes each item as it is read
	 * @return the dataset's name (lists empty) and the problems found
	 * @throws IOException if the stream cannot be read
	 */
	public static Result stream(InputStream input, ItemSink sink) throws IOException {
		return read(input, sink);
	}

	private static Result read(InputStream input, ItemSink sink) throws IOException {
		try (JsonParser parser = MAPPER.createParser(input)) {
			return new DatasetReader(sink).read(parser);
		}
		catch (JacksonIOException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * Reads a dataset from a UTF-8 file.
	 * @param file the file
	 * @return the dataset read and the problems found
	 * @throws IOException if the file cannot be read
	 */
	public static Result read(Path file) throws IOException {
		try (InputStream input = Files.newInputStream(file)) {
			return read(input);
		}
	}

	private Result read(JsonParser parser) {
		try {
			readTopLevel(parser);
		}
		catch (JacksonIOException ex) {
			throw ex;
		}
		catch (JacksonException ex) {
			this.problems.add(Problem.of(Problem.DATASET, where(ex.getLocation()),
					"malformed JSON: " + ex.getOriginalMessage(), "dataset.json.malformed", ex.getOriginalMessage()));
			this.complete = false;
		}
		Fields fields = new Fields(Problem.DATASET, "", this.topLevel, this.problems);
		String name = null;
		// After malformed JSON, keys not reached are not missing; saying so would mislead.
		if (this.complete) {
			checkFormat(fields);
			name = fields.text("name", true);
		}
		return new Result(new Dataset(name, this.units, this.orgs, this.members, this.candidates, this.dispatches,
				this.away), this.problems,
				this.complete);
	}

	private void readTopLevel(JsonParser parser) {
		JsonToken token = parser.nextToken();
		if (token != JsonToken.START_OBJECT) {
			String found = (token == null) ? "the file is empty" : "found " + describe(token);
			Wording foundWording = (token == null) ? Wording.of("dataset.json.empty")
					: Wording.of("dataset.json.found", describeWording(token));
			String where = (token == null) ? "(file)" : where(parser.currentTokenLocation());
			this.problems.add(Problem.of(Problem.DATASET, where,
					"a dataset must be a JSON object with format, name, units, orgs and members; " + found,
					"dataset.json.notObject", foundWording));
			this.complete = false;
			return;
		}
		Set<String> seen = new HashSet<>();
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String key = parser.currentName();
			parser.nextToken();
			if (!seen.add(key)) {
				this.problems.add(Problem.of(Problem.DATASET, key, key + " is given more than once; only the first is read",
						"dataset.json.keyTwice", key));
				parser.skipChildren();
				continue;
			}
			switch (key) {
				case "format" -> this.topLevel.put(key, MAPPER.readTree(parser));
				case "name" -> {
					JsonNode name = MAPPER.readTree(parser);
					this.topLevel.put(key, name);
					if (name.isString()) {
						this.sink.name(name.stringValue());
					}
				}
				case "units" -> readList(parser, key, this.sink::unit, this.items::unit,
						() -> new Unit(null, null, null, null, null, null, null, null, null, null));
				case "orgs" -> readList(parser, key, this.sink::org, this.items::org,
						() -> new Org(null, null, null, null, null, null, null, null));
				case "members" -> readList(parser, key, this.sink::member, this.items::member, () -> new Member(null,
						null, null, null, null, null, null, null, null, null, null, null, null, null));
				case "candidates" -> {
					format2List(parser, key);
					readList(parser, key, this.sink::candidate, this.items::candidate, () -> new Candidate(null, null,
							null, null, null, null, null, null, null, null, null, null));
				}
				case "dispatches" -> {
					format2List(parser, key);
					readList(parser, key, this.sink::dispatch, this.items::dispatch,
							() -> new Dispatch(null, null, null, null, null));
				}
				case "away" -> {
					format2List(parser, key);
					readList(parser, key, this.sink::away, this.items::away, () -> new AwayRecord(null, null, null, null));
				}
				default -> {
					this.problems.add(Fields.unknownKey(Problem.DATASET, key, key, TOP_LEVEL_KEYS));
					parser.skipChildren();
				}
			}
		}
		if (parser.nextToken() != null) {
			this.problems.add(Problem.of(Problem.DATASET, where(parser.currentTokenLocation()),
					"content after the end of the dataset object", "dataset.json.contentAfter"));
		}
	}

	/** Notes a top-level list key of {@code /2} given with a value. */
	private void format2List(JsonParser parser, String key) {
		if (parser.currentToken() != JsonToken.VALUE_NULL) {
			this.format2ListsGiven.add(key);
		}
	}

	private <T> void readList(JsonParser parser, String key, Consumer<T> into, BiFunction<JsonParser, Integer, T> item,
			Supplier<T> blank) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_NULL) {
			this.sink.endOfList(key);
			return;
		}
		if (token != JsonToken.START_ARRAY) {
			this.problems.add(Problem.of(Problem.DATASET, key, key + " must be a list of objects, not " + describe(token),
					"dataset.json.notList", key, describeWording(token)));
			parser.skipChildren();
			this.complete = false;
			return;
		}
		int index = 0;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			if (token == JsonToken.START_OBJECT) {
				into.accept(item.apply(parser, index));
			}
			else {
				String position = key + "[" + index + "]";
				this.problems.add(Problem.of(position, ItemReader.WHOLE_ITEM,
						position + " must be an object, not " + describe(token), "dataset.json.notItem", position,
						describeWording(token)));
				parser.skipChildren();
				// A blank item keeps the later items at their index, so the validator names them alike.
				into.accept(blank.get());
			}
			index++;
		}
		this.sink.endOfList(key);
	}

	private void checkFormat(Fields fields) {
		JsonNode format = fields.node("format");
		if (format == null) {
			fields.report("format", "format is missing; a dataset file starts with \"format\": \"" + Dataset.FORMAT + "\"",
					"dataset.field.formatMissing", Dataset.FORMAT);
		}
		else if (!format.isString()
				|| !(Dataset.FORMAT.equals(format.stringValue()) || Dataset.FORMAT_1.equals(format.stringValue()))) {
			fields.report("format", "format " + Fields.describe(format) + " is not supported; expected \""
					+ Dataset.FORMAT + "\" (or \"" + Dataset.FORMAT_1 + "\")", "dataset.field.formatUnsupported",
					Fields.describeWording(format), Dataset.FORMAT, Dataset.FORMAT_1);
		}
		else if (Dataset.FORMAT_1.equals(format.stringValue())) {
			for (String key : this.format2ListsGiven) {
				this.problems.add(ItemReader.format2Key(Problem.DATASET, key));
			}
			if (this.items.format2Use() != null) {
				this.problems.add(this.items.format2Use());
			}
		}
	}

	private static String describe(JsonToken token) {
		return switch (token) {
			case START_ARRAY -> "a list";
			case START_OBJECT -> "an object";
			case VALUE_STRING -> "a string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case VALUE_NULL -> "null";
			default -> token.name();
		};
	}

	/** {@link #describe} as a wording of the bundles ({@code dataset.json.token.*}), another token by its name. */
	private static Object describeWording(JsonToken token) {
		return switch (token) {
			case START_ARRAY -> Wording.of("dataset.json.token.list");
			case START_OBJECT -> Wording.of("dataset.json.token.object");
			case VALUE_STRING -> Wording.of("dataset.json.token.string");
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Wording.of("dataset.json.token.number");
			case VALUE_TRUE, VALUE_FALSE -> Wording.of("dataset.json.token.boolean");
			default -> describe(token);
		};
	}

	private static String where(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "(file)";
		}
		return "line " + location.getLineNr() + ", column " + location.getColumnNr();
	}

}
