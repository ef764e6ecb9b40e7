package org.partygraph.api.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.partygraph.api.PartyGraphApplication;
import org.partygraph.api.startup.StartupFailure;
import org.partygraph.model.Dataset;
import org.partygraph.model.format.DatasetFormat;
import org.partygraph.model.format.DatasetWriter;
import org.partygraph.model.format.HistoryFormat;
import org.partygraph.model.history.History;
import org.partygraph.model.InvalidDatasetException;
import org.partygraph.model.Problem;
import org.partygraph.model.ProblemsException;
import org.partygraph.model.WordedArgumentException;
import org.partygraph.model.Wording;
import org.partygraph.seed.SyntheticCounties;
import org.partygraph.seed.SyntheticHistory;
import org.partygraph.queries.dataset.bulk.BulkImporter;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.DatasetHistory;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportResult;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.ProblemTexts;
import org.partygraph.queries.text.Text;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one-shot commands {@code import FILE} and {@code export FILE}: they run against the
 * configured database (embedded or external), never start the web server, never load the sample
 * county, and exit 0 (done), 2 (the dataset is invalid: one problem per stderr line), 3 (the store
 * or the Bolt port is in use, see {@link Preflight}: one line, nothing started) or 1 (any other
 * failure).
 */
public final class Cli {

	public static final int OK = 0;

	public static final int FAILED = 1;

	public static final int INVALID = 2;

	/** The store or the Bolt port is in use, most often by a running service: nothing was started. */
	public static final int IN_USE = 3;

	private Cli() {
	}

	/** Files at least this large are imported by the bulk path unless {@code --bulk=false}. */
	static final long BULK_FROM_BYTES = 64L * 1024 * 1024;

	public static boolean isCommand(String[] args) {
		return args.length > 0
				&& (args[0].equals("import") || args[0].equals("export") || args[0].equals("generate")
						|| args[0].equals("import-roster"));
	}

	public static int run(String[] args) {
		return run(args, System.out, System.err);
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		return run(args, out, err, CliLang.current());
	}

	/** Runs a command, its problems and the roster's lines said in {@code lang}. */
	static int run(String[] args, PrintStream out, PrintStream err, Lang lang) {
		String command = args[0];
		if (args.length < 2 || args[1].startsWith("--")) {
			err.println("usage: java -jar party-graph.jar " + command + " FILE [--name=value ...]");
			if (command.equals("generate")) {
				err.println("  generate options: --counties=N (1) --blocks=N (" + SyntheticCounties.DEFAULT_BLOCKS
						+ ") --seed=N (1) --name=TEXT --history-years=N (0; N years of history in FILE.history.json)");
			}
			if (command.equals("import") || command.equals("export")) {
				err.println("  " + command + " options: --history[=FILE] (the event log and transfers, default"
						+ " FILE.history.json beside the dataset)" + (command.equals("import")
								? " --on=YYYY-MM-DD --bulk[=true|false]" : ""));
			}
			return FAILED;
		}
		Path file = Path.of(args[1]);
		String[] options = Arrays.copyOfRange(args, 2, args.length);
		// Store or Bolt port in use (a running service): one line within a second, before anything starts.
		Preflight preflight = command.equals("generate") ? null : Preflight.of(options);
		String refusal = (preflight != null) ? preflight.refusal(command) : null;
		if (refusal != null) {
			err.println(refusal);
			return IN_USE;
		}
		boolean done = false;
		try {
			if (command.equals("generate")) {
				return generate(file, new Options(options), out, err);
			}
			Options own = new Options(options);
			boolean roster = command.equals("import-roster");
			String rosterOrg = roster ? own.take("org") : null;
			String rosterDryRun = roster ? own.take("dry-run") : null;
			java.util.List<String> rosterMappings = new java.util.ArrayList<>();
			for (String m = roster ? own.take("mapping") : null; m != null; m = own.take("mapping")) {
				rosterMappings.add(m);
			}
			String rosterMappingFile = roster ? own.take("mapping-file") : null;
			String bulk = roster ? null : own.take("bulk");
			String historyOption = roster ? null : own.take("history");
			Path historyFile = (historyOption == null) ? null
					: historyOption.isEmpty() ? HistoryFormat.besides(file) : Path.of(historyOption);
			java.time.LocalDate on = importDate(own.take("on"));
			options = own.restArray();
			if (roster) {
				java.util.Map<String, String> mapping;
				try {
					mapping = rosterMapping(rosterMappings,
							(rosterMappingFile != null) ? Path.of(rosterMappingFile) : null);
				}
				catch (IllegalArgumentException ex) {
					err.println(say(lang, Text.of("cli.roster.refused", reason(ex))));
					return INVALID;
				}
				int status = importRoster(file, rosterOrg, rosterDryRun != null && !rosterDryRun.equals("false"), on,
						mapping, options, out, err, lang);
				done = status == OK;
				return status;
			}
			if (command.equals("import") && historyFile != null && "true".equals(bulk)) {
				err.println(say(lang, Text.of("cli.import.historyNotBulk")));
				return INVALID;
			}
			if (command.equals("import") && historyFile == null && useBulk(bulk, file)) {
				try (ConfigurableApplicationContext context = start(options)) {
					err.println(say(lang, CliTexts.bulkImport(file, Files.size(file))));
					ProgressPrinter progress = new ProgressPrinter(err, lang);
					ImportResult result = context.getBean(BulkImporter.class).importFile(file, progress, on, null);
					out.println(say(lang, CliTexts.imported(result)));
				}
			}
			else if (command.equals("import")) {
				// Read and validate before starting any database: a bad file fails fast and touches nothing.
				Dataset dataset = DatasetFormat.read(file);
				err.println(say(lang, CliTexts.readDataset(file, dataset)));
				History history = History.EMPTY;
				if (historyFile != null) {
					history = HistoryFormat.read(historyFile);
					err.println(say(lang, CliTexts.readHistory(historyFile, history)));
				}
				try (ConfigurableApplicationContext context = start(options)) {
					ProgressPrinter progress = new ProgressPrinter(err, lang);
					ImportResult result = context.getBean(DatasetImporter.class)
						.importDataset(dataset, history, progress, on, null);
					out.println(say(lang, CliTexts.imported(result)));
				}
			}
			else {
				try (ConfigurableApplicationContext context = start(options)) {
					Dataset dataset = context.getBean(DatasetExporter.class).exportAll();
					if (file.toAbsolutePath().getParent() != null) {
						Files.createDirectories(file.toAbsolutePath().getParent());
					}
					DatasetWriter.pretty().write(dataset, file);
					out.println(say(lang, CliTexts.exported(dataset, file)));
					if (historyFile != null) {
						History history = context.getBean(DatasetHistory.class).export();
						HistoryFormat.write(history, historyFile);
						out.println(say(lang, CliTexts.exportedHistory(historyFile, history)));
					}
				}
			}
			done = true;
			return OK;
		}
		catch (InvalidDatasetException ex) {
			for (int i = 0; i < ex.problems().size(); i++) {
				Problem problem = ex.problems().get(i);
				err.println(say(lang, Text.of("cli.problem", problem.item(), problem.field(), message(ex, i))));
			}
			err.println(say(lang, Text.of("cli.problems", ex.problems().size())));
			return INVALID;
		}
		catch (NoSuchFileException ex) {
			err.println(say(lang, CliTexts.failed(command, Text.of("cli.failed.noSuchFile", ex.getFile()))));
			return FAILED;
		}
		catch (Exception ex) {
			err.println(StartupFailure.isStartupFailure(ex) ? StartupFailure.line(ex)
					: say(lang, CliTexts.failed(command, (ex instanceof WordedArgumentException worded)
							? Text.of(worded.wording()) : Text.plain(rootMessage(ex)))));
			return FAILED;
		}
		finally {
			if (!done && preflight != null) {
				preflight.removeCreatedDataDir();
			}
		}
	}

	/**
	 * The header mapping of {@code import-roster}: {@code --mapping=HEADER=FIELD,HEADER=FIELD} (the
	 * option may be repeated) and the lines {@code HEADER=FIELD} of {@code --mapping-file} (UTF-8, a
	 * byte order mark allowed; blank lines and lines starting with {@code #} skipped), the file's
	 * pairs first. A pair is split at its first {@code =}; the header and field are trimmed; the field
	 * is a {@link org.partygraph.model.roster.RosterField} name or a usual header.
	 * @param file the mapping file, or {@code null}
	 * @return header → field in the order given (a header given twice: the later pair)
	 * @throws WordedArgumentException naming the first bad pair (and the file's line), on one line
	 */
	static java.util.Map<String, String> rosterMapping(java.util.List<String> options, Path file) {
		java.util.Map<String, String> mapping = new java.util.LinkedHashMap<>();
		if (file != null) {
			java.util.List<String> lines;
			try {
				lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
			}
			catch (java.nio.charset.MalformedInputException ex) {
				throw new WordedArgumentException("--mapping-file " + file + " is not UTF-8 text", "cli.mapping.notUtf8",
						file);
			}
			catch (java.io.IOException ex) {
				boolean none = ex instanceof NoSuchFileException;
				throw new WordedArgumentException("--mapping-file " + file + " cannot be read ("
						+ (none ? "no such file" : ex.getMessage()) + ")", "cli.mapping.unreadable", file,
						none ? Wording.of("cli.mapping.noSuchFile") : ex.getMessage());
			}
			for (int i = 0; i < lines.size(); i++) {
				String line = (i == 0 && lines.get(i).startsWith("\uFEFF")) ? lines.get(i).substring(1) : lines.get(i);
				if (line.isBlank() || line.strip().startsWith("#")) {
					continue;
				}
				mappingPair(mapping, line, "--mapping-file " + file + " line " + (i + 1),
						Wording.of("cli.mapping.fileLine", file, i + 1));
			}
		}
		for (String option : options) {
			if (option.isBlank()) {
				throw new WordedArgumentException("--mapping needs HEADER=FIELD pairs, separated by commas",
						"cli.mapping.blank");
			}
			for (String pair : option.split(",", -1)) {
				mappingPair(mapping, pair, "--mapping", Wording.of("cli.mapping.option"));
			}
		}
		return mapping;
	}

	/** One {@code HEADER=FIELD} pair, given {@code at} (in English; {@code where} the same as a wording). */
	private static void mappingPair(java.util.Map<String, String> mapping, String pair, String at, Wording where) {
		int eq = pair.indexOf('=');
		String header = (eq >= 0) ? pair.substring(0, eq).strip() : "";
		String field = (eq >= 0) ? pair.substring(eq + 1).strip() : "";
		if (eq < 0 || header.isEmpty() || field.isEmpty()) {
			throw new WordedArgumentException(at + ": '" + pair.strip() + "' is not a HEADER=FIELD pair",
					"cli.mapping.notPair", where, pair.strip());
		}
		if (org.partygraph.model.roster.RosterField.of(field) == null) {
			String fields = Arrays.toString(org.partygraph.model.roster.RosterField.values());
			throw new WordedArgumentException(at + ": '" + pair.strip() + "': '" + field + "' is no roster field (one of "
					+ fields + ", or a usual header such as 入党时间)", "cli.mapping.noField", where, pair.strip(), field,
					fields);
		}
		mapping.put(header, field);
	}


	/**
	 * {@code import-roster FILE --org=ID [--dry-run] [--on=YYYY-MM-DD] [--mapping=HEADER=FIELD,...]
	 * [--mapping-file=PATH]}: the file (.xlsx or .csv,
	 * else by its first bytes) is read before any database starts; a file that is no roster or over
	 * {@code --party-graph.roster.max-bytes} (20MB) fails with exit 2, as does a roster with problems
	 * (one per stderr line, by row and column; nothing written).
	 */
	private static int importRoster(Path file, String orgId, boolean dryRun, java.time.LocalDate on,
			java.util.Map<String, String> mapping, String[] options, PrintStream out, PrintStream err, Lang lang)
			throws java.io.IOException {
		if (orgId == null || orgId.isBlank()) {
			err.println(say(lang, Text.of("cli.roster.needsOrg")));
			return FAILED;
		}
		long maxBytes = org.springframework.util.unit.DataSize.parse(Arrays.stream(options)
			.filter((o) -> o.startsWith("--party-graph.roster.max-bytes="))
			.map((o) -> o.substring(o.indexOf('=') + 1))
			.findFirst()
			.orElse("20MB")).toBytes();
		String name = file.toString();
		org.partygraph.model.roster.RosterSheet sheet;
		try {
			org.partygraph.api.roster.RosterFiles.checkSize(name, Files.size(file), maxBytes);
			byte[] bytes = Files.readAllBytes(file);
			String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
			org.partygraph.api.roster.RosterFormat format = lower.endsWith(".xlsx")
					? org.partygraph.api.roster.RosterFormat.XLSX
					: lower.endsWith(".csv") ? org.partygraph.api.roster.RosterFormat.CSV
							: org.partygraph.api.roster.RosterFiles.sniff(bytes);
			sheet = org.partygraph.api.roster.RosterFiles.read(name, bytes, format, mapping.isEmpty() ? null : mapping, true);
		}
		catch (org.partygraph.api.roster.RosterFiles.NotASpreadsheet ex) {
			err.println(say(lang, Text.of("cli.roster.refused", ex.text())));
			return INVALID;
		}
		err.println(say(lang, Text.of("cli.roster.read", name, sheet.entries().size(),
				sheet.ignored().isEmpty() ? "" : Text.of("cli.roster.ignored", sheet.ignored()))));
		try (ConfigurableApplicationContext context = start(options)) {
			org.partygraph.queries.change.RosterResult result = context
				.getBean(org.partygraph.queries.change.OrgChanges.class)
				.on(on)
				.importRoster(orgId, sheet, dryRun);
			for (org.partygraph.queries.change.RosterOutcome row : result.rows()) {
				if (!row.action().equals(org.partygraph.queries.change.RosterOutcome.UNCHANGED)) {
					out.println(say(lang, CliTexts.rosterRow(row)));
				}
			}
			out.println(say(lang, Text.of(dryRun ? "cli.roster.dryRun" : "cli.roster.imported", name, orgId, result.added(),
					result.updated(), result.transferred(), result.unchanged())));
			return OK;
		}
		catch (org.partygraph.model.roster.RosterRejectedException ex) {
			for (int i = 0; i < ex.rosterProblems().size(); i++) {
				org.partygraph.model.roster.RosterProblem problem = ex.rosterProblems().get(i);
				err.println(say(lang, Text.of("cli.rosterProblem", problem.row(), problem.column(),
						(problem.field() != null) ? Text.of("cli.rosterProblem.field", problem.field()) : "",
						message(ex, i))));
			}
			err.println(say(lang, Text.of("cli.problems", ex.rosterProblems().size())));
			return INVALID;
		}
	}

	/** A line in the language. */
	private static String say(Lang lang, Text text) {
		return Messages.bundled().say(text, lang);
	}

	/** What is wrong with an argument: its wording of the bundles, else its English message. */
	private static Text reason(IllegalArgumentException ex) {
		return (ex instanceof WordedArgumentException worded) ? Text.of(worded.wording()) : Text.plain(ex.getMessage());
	}

	/** The message of a refusal's problem as a text: of the bundles where it has one, else its English. */
	private static Text message(ProblemsException ex, int index) {
		Text text = ProblemTexts.text(ex, index);
		return (text != null) ? text : Text.plain(ex.problems().get(index).message());
	}

	/** {@code --on=YYYY-MM-DD}: the import's effective date; {@code null} (today) when not given. */
	private static java.time.LocalDate importDate(String on) {
		if (on == null || on.isEmpty()) {
			return null;
		}
		try {
			return java.time.LocalDate.parse(on);
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidDatasetException(java.util.List.of(Problem.of(Problem.DATASET, "on",
					"--on must be a date YYYY-MM-DD, not '" + on + "'", "cli.onNotDate", on)));
		}
	}

	private static boolean useBulk(String bulk, Path file) throws java.io.IOException {
		if (bulk == null) {
			return Files.size(file) >= BULK_FROM_BYTES;
		}
		if (!bulk.equals("true") && !bulk.equals("false") && !bulk.isEmpty()) {
			throw new WordedArgumentException("--bulk must be true or false, not '" + bulk + "'", "cli.bulkNotBoolean",
					bulk);
		}
		return !bulk.equals("false");
	}

	private static int generate(Path file, Options options, PrintStream out, PrintStream err) throws java.io.IOException {
		int counties = options.intValue("counties", 1);
		int blocks = options.intValue("blocks", SyntheticCounties.DEFAULT_BLOCKS);
		long seed = options.intValue("seed", 1);
		SyntheticCounties generator = new SyntheticCounties(counties, blocks, seed);
		String name = options.take("name");
		int historyYears = options.intValue("history-years", 0);
		if (!options.rest().isEmpty()) {
			throw new IllegalArgumentException("unknown option " + options.rest().get(0)
					+ "; generate takes --counties, --blocks, --seed, --name, --history-years");
		}
		if (historyYears < 0) {
			throw new IllegalArgumentException("--history-years must be 0 or more, not " + historyYears);
		}
		SyntheticHistory history = (historyYears > 0)
				? new SyntheticHistory(historyYears, java.time.LocalDate.now(), seed) : null;
		if (file.toAbsolutePath().getParent() != null) {
			Files.createDirectories(file.toAbsolutePath().getParent());
		}
		long started = System.nanoTime();
		String dataset = (name != null) ? name : generator.defaultName();
		long[] counts = generator.write(file, dataset,
				(done, total, members) -> {
					double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
					err.printf(Locale.ROOT, "generated %d / %d counties, %,d members, %.1f s, ETA %.0f s%n", done, total,
							members, seconds, seconds / done * (total - done));
				}, history);
		out.printf(Locale.ROOT,
				"wrote %s: %,d units, %,d orgs, %,d members, %,d candidates, %,d dispatches, %,d away (%,d bytes) in %.1f s%n",
				file, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], Files.size(file),
				(System.nanoTime() - started) / 1e9);
		if (history != null) {
			History past = history.history(dataset, counts[0]);
			Path historyFile = HistoryFormat.besides(file);
			HistoryFormat.write(past, historyFile);
			out.printf(Locale.ROOT, "wrote %s: %d years from %s, %,d events, %,d transfers (import with --history)%n",
					historyFile, historyYears, history.start(), past.events().size(), past.transfers().size());
		}
		return OK;
	}

	/** The command's own {@code --name=value} options, taken out of what goes to Spring. */
	private static final class Options {

		private final java.util.List<String> args;

		Options(String[] args) {
			this.args = new java.util.ArrayList<>(Arrays.asList(args));
		}

		/** The value of {@code --key=value} ({@code ""} for a bare {@code --key}), removed; null when absent. */
		String take(String key) {
			for (java.util.Iterator<String> it = this.args.iterator(); it.hasNext();) {
				String arg = it.next();
				if (arg.equals("--" + key)) {
					it.remove();
					return "";
				}
				if (arg.startsWith("--" + key + "=")) {
					it.remove();
					return arg.substring(key.length() + 3);
				}
			}
			return null;
		}

		int intValue(String key, int otherwise) {
			String value = take(key);
			if (value == null) {
				return otherwise;
			}
			try {
				return Integer.parseInt(value);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--" + key + " must be a whole number, not '" + value + "'");
			}
		}

		java.util.List<String> rest() {
			return this.args;
		}

		String[] restArray() {
			return this.args.toArray(String[]::new);
		}

	}

	private static ConfigurableApplicationContext start(String[] options) {
		return new SpringApplicationBuilder(PartyGraphApplication.class).web(WebApplicationType.NONE)
			.properties("logging.level.root=WARN")
			.run(options);
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return (cause == ex) ? message : ex.getMessage() + " (" + message + ")";
	}

}
