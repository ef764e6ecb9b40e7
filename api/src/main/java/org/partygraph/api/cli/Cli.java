package org.partygraph.api.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.partygraph.api.PartyGraphApplication;
import org.partygraph.model.Dataset;
import org.partygraph.model.format.DatasetFormat;
import org.partygraph.model.format.DatasetWriter;
import org.partygraph.model.InvalidDatasetException;
import org.partygraph.model.Problem;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportResult;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one-shot commands {@code import FILE} and {@code export FILE}: they run against the
 * configured database (embedded or external), never start the web server, never load the sample
 * county, and exit 0 (done), 2 (the dataset is invalid: one problem per stderr line) or 1 (any
 * other failure).
 */
public final class Cli {

	public static final int OK = 0;

	public static final int FAILED = 1;

	public static final int INVALID = 2;

	private Cli() {
	}

	public static boolean isCommand(String[] args) {
		return args.length > 0 && (args[0].equals("import") || args[0].equals("export"));
	}

	public static int run(String[] args) {
		return run(args, System.out, System.err);
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		String command = args[0];
		if (args.length < 2 || args[1].startsWith("--")) {
			err.println("usage: java -jar party-graph.jar " + command + " FILE [--name=value ...]");
			return FAILED;
		}
		Path file = Path.of(args[1]);
		String[] options = Arrays.copyOfRange(args, 2, args.length);
		try {
			if (command.equals("import")) {
				// Read and validate before starting any database: a bad file fails fast and touches nothing.
				Dataset dataset = DatasetFormat.read(file);
				err.printf(Locale.ROOT, "read %s: dataset '%s', %d units, %d orgs, %d members%n", file, dataset.name(),
						dataset.units().size(), dataset.orgs().size(), dataset.members().size());
				try (ConfigurableApplicationContext context = start(options)) {
					ProgressPrinter progress = new ProgressPrinter(err);
					ImportResult result = context.getBean(DatasetImporter.class).importDataset(dataset, progress);
					out.printf(Locale.ROOT,
							"imported '%s': %d nodes, %d relationships in %.1f s (%.0f entities/s); replaced %d earlier nodes%n",
							result.dataset(), result.nodes(), result.relationships(), result.millis() / 1000.0,
							result.entitiesPerSecond(), result.replaced());
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
			err.println(command + " failed: " + rootMessage(ex));
			return FAILED;
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
