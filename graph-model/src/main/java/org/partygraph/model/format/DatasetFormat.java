package org.partygraph.model.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.partygraph.model.Dataset;
import org.partygraph.model.DatasetValidator;
import org.partygraph.model.InvalidDatasetException;
import org.partygraph.model.Problem;

/**
 * The one way in for a {@code party-graph/1} file: reads it, checks every hard rule and either
 * returns the dataset or throws with every problem found, structural and semantic together.
 */
public final class DatasetFormat {

	private DatasetFormat() {
	}

	/**
	 * Reads and checks a dataset from a UTF-8 stream, which is left open.
	 * @param input the stream
	 * @return the dataset, which breaks no hard rule
	 * @throws InvalidDatasetException with every problem, when the dataset breaks a hard rule
	 * @throws IOException if the stream cannot be read
	 */
	public static Dataset read(InputStream input) throws IOException {
		return checked(DatasetReader.read(input));
	}

	/**
	 * Reads and checks a dataset from a UTF-8 file.
	 * @param file the file
	 * @return the dataset, which breaks no hard rule
	 * @throws InvalidDatasetException with every problem, when the dataset breaks a hard rule
	 * @throws IOException if the file cannot be read
	 */
	public static Dataset read(Path file) throws IOException {
		return checked(DatasetReader.read(file));
	}

	/**
	 * The hard-rule problems of a dataset held in memory; empty when it may be stored.
	 * @param dataset the dataset
	 * @return the problems
	 */
	public static List<Problem> validate(Dataset dataset) {
		return DatasetValidator.validate(dataset);
	}

	/**
	 * Every problem of a file read: the reader's, then the validator's that are not consequences of
	 * the reader's. The validator is skipped when the file was not read whole, since items never
	 * reached would show up as dangling references.
	 * @param read what the reader gave
	 * @return the problems, empty when the dataset is sound
	 */
	public static List<Problem> problems(DatasetReader.Result read) {
		if (!read.complete()) {
			return read.problems();
		}
		return combine(read.problems(), DatasetValidator.validate(read.dataset()));
	}

	private static Dataset checked(DatasetReader.Result read) {
		List<Problem> problems = problems(read);
		if (!problems.isEmpty()) {
			throw new InvalidDatasetException(problems);
		}
		return read.dataset();
	}

	/**
	 * Joins the reader's and the validator's problems. A field the reader found malformed is read as
	 * absent, so the validator may report it again as missing; such a problem on a field (or inside
	 * it, or on an item) the reader already reported is dropped.
	 */
	public static List<Problem> combine(List<Problem> structural, List<Problem> semantic) {
		Set<String> reported = new HashSet<>();
		for (Problem problem : structural) {
			reported.add(key(problem.item(), problem.field()));
		}
		Set<Problem> all = new LinkedHashSet<>(structural);
		for (Problem problem : semantic) {
			if (!coveredBy(reported, problem)) {
				all.add(problem);
			}
		}
		return List.copyOf(all);
	}

	private static boolean coveredBy(Set<String> reported, Problem problem) {
		if (reported.contains(key(problem.item(), ItemReader.WHOLE_ITEM))) {
			return true;
		}
		String field = problem.field();
		for (int end = field.length(); end > 0; end--) {
			boolean boundary = end == field.length() || field.charAt(end) == '.' || field.charAt(end) == '[';
			if (boundary && reported.contains(key(problem.item(), field.substring(0, end)))) {
				return true;
			}
		}
		return false;
	}

	private static String key(String item, String field) {
		return item + '\u0000' + field;
	}

}
