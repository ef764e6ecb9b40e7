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
import org.partygraph.model.InvalidDatasetException;
import org.partygraph.model.Problem;
import org.partygraph.seed.SyntheticCounties;
import org.partygraph.queries.dataset.bulk.BulkImporter;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportResult;

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
				&& (args[0].equals("import") || args[0].equals("export") || args[0].equals("generate"));
	}

	public static int run(String[] args) {
		return run(args, System.out, System.err);
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		String command = args[0];
		if (args.length < 2 || args[1].startsWith("--")) {
			err.println("usage: java -jar party-graph.jar " + command + " FILE [--name=value ...]");
			if (command.equals("generate")) {
				err.println("  generate options: --counties=N (1) --blocks=N (" + SyntheticCounties.DEFAULT_BLOCKS
						+ ") --seed=N (1) --name=TEXT");
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
			String bulk = own.take("bulk");
			options = own.restArray();
			if (command.equals("import") && useBulk(bulk, file)) {
				try (ConfigurableApplicationContext context = start(options)) {
					err.printf(Locale.ROOT, "bulk import of %s (%,d bytes)%n", file, Files.size(file));
					ProgressPrinter progress = new ProgressPrinter(err);
					ImportResult result = context.getBean(BulkImporter.class).importFile(file, progress);
					printImported(out, result);
				}
			}
			else if (command.equals("import")) {
				// Read and validate before starting any database: a bad file fails fast and touches nothing.
				Dataset dataset = DatasetFormat.read(file);
				err.printf(Locale.ROOT, "read %s: dataset '%s', %d units, %d orgs, %d members%n", file, dataset.name(),
						dataset.units().size(), dataset.orgs().size(), dataset.members().size());
				try (ConfigurableApplicationContext context = start(options)) {
					ProgressPrinter progress = new ProgressPrinter(err);
					ImportResult result = context.getBean(DatasetImporter.class).importDataset(dataset, progress);
					printImported(out, result);
				}
			}
			else {
				try (ConfigurableApplicationContext context = start(options)) {
					Dataset dataset = context.getBean(DatasetExporter.class).exportAll();
					if (file.toAbsolutePath().getParent() != null) {
						Files.createDirectories(file.toAbsolutePath().getParent());
					}
					DatasetWriter.pretty().write(dataset, file);
					out.printf(Locale.ROOT, "exported '%s' to %s: %d units, %d orgs, %d members%n", dataset.name(), file,
							dataset.units().size(), dataset.orgs().size(), dataset.members().size());
				}
			}
			done = true;
			return OK;
		}
		catch (InvalidDatasetException ex) {
			for (Problem problem : ex.problems()) {
				err.println(problem);
			}
			err.println(ex.problems().size() + " problem(s); nothing was written");
			return INVALID;
		}
		catch (NoSuchFileException ex) {
			err.println(command + " failed: no such file: " + ex.getFile());
			return FAILED;
		}
		catch (Exception ex) {
			err.println(StartupFailure.isStartupFailure(ex) ? StartupFailure.line(ex) : command + " failed: " + rootMessage(ex));
			return FAILED;
		}
		finally {
			if (!done && preflight != null) {
				preflight.removeCreatedDataDir();
			}
		}
	}

	private static void printImported(PrintStream out, ImportResult result) {
		out.printf(Locale.ROOT,
				"imported '%s': %d nodes, %d relationships in %.1f s (%.0f entities/s); replaced %d earlier nodes%n",
				result.dataset(), result.nodes(), result.relationships(), result.millis() / 1000.0,
				result.entitiesPerSecond(), result.replaced());
	}

	private static boolean useBulk(String bulk, Path file) throws java.io.IOException {
		if (bulk == null) {
			return Files.size(file) >= BULK_FROM_BYTES;
		}
		if (!bulk.equals("true") && !bulk.equals("false") && !bulk.isEmpty()) {
			throw new IllegalArgumentException("--bulk must be true or false, not '" + bulk + "'");
		}
		return !bulk.equals("false");
	}

	private static int generate(Path file, Options options, PrintStream out, PrintStream err) throws java.io.IOException {
		int counties = options.intValue("counties", 1);
		int blocks = options.intValue("blocks", SyntheticCounties.DEFAULT_BLOCKS);
		long seed = options.intValue("seed", 1);
		SyntheticCounties generator = new SyntheticCounties(counties, blocks, seed);
		String name = options.take("name");
		if (!options.rest().isEmpty()) {
			throw new IllegalArgumentException("unknown option " + options.rest().get(0)
					+ "; generate takes --counties, --blocks, --seed, --name");
		}
		if (file.toAbsolutePath().getParent() != null) {
			Files.createDirectories(file.toAbsolutePath().getParent());
		}
		long started = System.nanoTime();
		long[] counts = generator.write(file, (name != null) ? name : generator.defaultName(),
				(done, total, members) -> {
					double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
					err.printf(Locale.ROOT, "generated %d / %d counties, %,d members, %.1f s, ETA %.0f s%n", done, total,
							members, seconds, seconds / done * (total - done));
				});
		out.printf(Locale.ROOT, "wrote %s: %,d units, %,d orgs, %,d members (%,d bytes) in %.1f s%n", file, counts[0],
				counts[1], counts[2], Files.size(file), (System.nanoTime() - started) / 1e9);
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
