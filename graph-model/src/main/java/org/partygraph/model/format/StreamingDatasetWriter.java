package org.partygraph.model.format;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.partygraph.model.AwayRecord;
import org.partygraph.model.Candidate;
import org.partygraph.model.Dataset;
import org.partygraph.model.Dispatch;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.Unit;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;

/**
 * Writes a {@code party-graph/1} file of any size item by item, in the layout of
 * {@link DatasetWriter#pretty()} (one item per line), holding no item in memory.
 *
 * <p>
 * Items may be given in any order: each list is spooled to its own temporary file beside the
 * target and {@link #close()} joins them as units, orgs, members, then candidates, dispatches and
 * stays away, each only when there are any (the key is left out otherwise, as {@link DatasetWriter}
 * leaves it out). The target appears whole or not
 * at all: it is written under a temporary name and moved into place at the end.
 */
public final class StreamingDatasetWriter implements Closeable {

	private final Path target;

	private final String name;

	private final Spool units;

	private final Spool orgs;

	private final Spool members;

	private final Spool candidates;

	private final Spool dispatches;

	private final Spool away;

	private boolean closed;

	/**
	 * Starts a file.
	 * @param target the file to write; replaced when {@link #close()} succeeds
	 * @param name the dataset's name
	 * @throws IOException if the spool files cannot be created
	 */
	public StreamingDatasetWriter(Path target, String name) throws IOException {
		this.target = target.toAbsolutePath();
		this.name = name;
		Path dir = this.target.getParent();
		this.units = new Spool(dir, "units");
		this.orgs = new Spool(dir, "orgs");
		this.members = new Spool(dir, "members");
		this.candidates = new Spool(dir, "candidates");
		this.dispatches = new Spool(dir, "dispatches");
		this.away = new Spool(dir, "away");
	}

	/** Adds a unit. */
	public void unit(Unit unit) {
		this.units.write(unit, DatasetWriter::writeUnit);
	}

	/** Adds an org. */
	public void org(Org org) {
		this.orgs.write(org, DatasetWriter::writeOrg);
	}

	/** Adds a member. */
	public void member(Member member) {
		this.members.write(member, DatasetWriter::writeMember);
	}

	/** Adds a candidate. */
	public void candidate(Candidate candidate) {
		this.candidates.write(candidate, DatasetWriter::writeCandidate);
	}

	/** Adds a first secretary's dispatch. */
	public void dispatch(Dispatch dispatch) {
		this.dispatches.write(dispatch, DatasetWriter::writeDispatch);
	}

	/** Adds a mobile member's stay away. */
	public void away(AwayRecord record) {
		this.away.write(record, DatasetWriter::writeAway);
	}

	/** Units written so far. */
	public long unitCount() {
		return this.units.count;
	}

	/** Orgs written so far. */
	public long orgCount() {
		return this.orgs.count;
	}

	/** Members written so far. */
	public long memberCount() {
		return this.members.count;
	}

	/** Candidates written so far. */
	public long candidateCount() {
		return this.candidates.count;
	}

	/** Dispatches written so far. */
	public long dispatchCount() {
		return this.dispatches.count;
	}

	/** Stays away written so far. */
	public long awayCount() {
		return this.away.count;
	}

	/** Joins the lists into the target file and removes the spool files. */
	@Override
	public void close() throws IOException {
		if (this.closed) {
			return;
		}
		this.closed = true;
		// Owner-only, as DatasetWriter#write: it holds personal data. Moved into place, it replaces the
		// target's permissions too.
		Path partial = DatasetWriter.createOwnerOnlyTempFile(this.target.getParent(), ".party-graph-", ".json.part");
		try {
			this.units.finish();
			this.orgs.finish();
			this.members.finish();
			this.candidates.finish();
			this.dispatches.finish();
			this.away.finish();
			// The lists of party-graph/2 only when they have items, so a file without them keeps its shape.
			List<Spool> lists = new ArrayList<>(List.of(this.units, this.orgs, this.members));
			for (Spool optional : List.of(this.candidates, this.dispatches, this.away)) {
				if (optional.count > 0) {
					lists.add(optional);
				}
			}
			try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
				out.write("{\n  \"format\": \"" + Dataset.FORMAT + "\",\n  \"name\": ");
				out.write(DatasetWriter.MAPPER.writeValueAsString(this.name));
				out.write(",\n");
				for (int i = 0; i < lists.size(); i++) {
					lists.get(i).copyInto(out, i == lists.size() - 1);
				}
				out.write("}\n");
			}
			Files.move(partial, this.target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(partial);
			this.units.delete();
			this.orgs.delete();
			this.members.delete();
			this.candidates.delete();
			this.dispatches.delete();
			this.away.delete();
		}
	}

	/** One list's items, one compact JSON object per line, in a temporary file. */
	private static final class Spool {

		private final String key;

		private final Path file;

		private final OutputStream output;

		private final JsonGenerator generator;

		private long count;

		Spool(Path dir, String key) throws IOException {
			this.key = key;
			this.file = DatasetWriter.createOwnerOnlyTempFile(dir, ".party-graph-" + key + "-", ".jsonl");
			this.output = Files.newOutputStream(this.file);
			// Items inline as in the pretty layout; the printer puts a line break between them.
			this.generator = DatasetWriter.MAPPER.writer()
				.with(ItemPerLinePrinter.forItems())
				.createGenerator(new java.io.BufferedOutputStream(this.output, 1 << 16), tools.jackson.core.JsonEncoding.UTF8);
		}

		<T> void write(T item, BiConsumer<JsonGenerator, T> writer) {
			try {
				writer.accept(this.generator, item);
				this.count++;
			}
			catch (JacksonIOException ex) {
				throw new java.io.UncheckedIOException(ex.getCause());
			}
		}

		void finish() throws IOException {
			try {
				this.generator.close();
			}
			catch (JacksonIOException ex) {
				throw ex.getCause();
			}
			this.output.close();
		}

		void copyInto(Writer out, boolean last) throws IOException {
			out.write("  \"" + this.key + "\": [");
			try (BufferedReader in = Files.newBufferedReader(this.file, StandardCharsets.UTF_8)) {
				String line;
				boolean first = true;
				while ((line = in.readLine()) != null) {
					if (line.isEmpty()) {
						continue;
					}
					out.write(first ? "\n    " : ",\n    ");
					out.write(line);
					first = false;
				}
				out.write(first ? "]" : "\n  ]");
			}
			out.write(last ? "\n" : ",\n");
		}

		void delete() throws IOException {
			try {
				finish();
			}
			catch (IOException | RuntimeException ex) {
				// already closed, or failing anyway: the file goes regardless
			}
			Files.deleteIfExists(this.file);
		}

	}

}
