package org.partygraph.seed;

import java.io.IOException;
import java.nio.file.Path;

import org.partygraph.model.Dataset;
import org.partygraph.model.format.DatasetWriter;

/**
 * Writes the sample county as a {@code party-graph/2} file, one item per line, e.g. to ship it as
 * a resource or to load it with {@code party-graph.jar import}.
 */
public final class SampleCountyWriter {

	private SampleCountyWriter() {
	}

	/**
	 * Writes {@link HuairenCounty#dataset()} to the file named by the one argument.
	 * @param args the target file
	 * @throws IOException if the file cannot be written
	 */
	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			System.err.println("usage: SampleCountyWriter FILE");
			System.exit(2);
		}
		Path file = Path.of(args[0]);
		Dataset dataset = HuairenCounty.dataset();
		write(dataset, file);
		System.out.printf("wrote %s: %d units, %d orgs, %d members, %d candidates%n", file, dataset.units().size(),
				dataset.orgs().size(), dataset.members().size(), dataset.candidates().size());
	}

	/** Writes a dataset to a file, replacing it. */
	static void write(Dataset dataset, Path file) throws IOException {
		DatasetWriter.pretty().write(dataset, file);
	}

}
