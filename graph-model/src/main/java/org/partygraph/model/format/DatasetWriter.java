package org.partygraph.model.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.partygraph.model.AwayRecord;
import org.partygraph.model.Candidate;
import org.partygraph.model.Dataset;
import org.partygraph.model.DevelopmentRecord;
import org.partygraph.model.Dispatch;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Unit;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link Dataset} as a {@code party-graph/2} file, streaming item by item. Keys come in
 * the order of the contract's example; absent optional fields and empty lists are left out, so a
 * file read and written back keeps its shape.
 */
public final class DatasetWriter {

	static final JsonMapper MAPPER = JsonMapper.builder()
		// The caller owns a stream it passes in.
		.disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
		.build();

	/** rw------- : what a written file may be read by (see {@link #write(Dataset, Path)}). */
	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private final boolean pretty;

	private DatasetWriter(boolean pretty) {
		this.pretty = pretty;
	}

	/** A writer that puts each top-level key and each item on its own line, as the contract's example. */
	public static DatasetWriter pretty() {
		return new DatasetWriter(true);
	}

	/** A writer that puts the whole dataset on one line. */
	public static DatasetWriter compact() {
		return new DatasetWriter(false);
	}

	/**
	 * Writes the dataset as UTF-8 to a stream, which is flushed and left open.
	 * @param dataset the dataset
	 * @param output the stream
	 * @throws IOException if the stream cannot be written
	 */
	public void write(Dataset dataset, OutputStream output) throws IOException {
		ObjectWriter writer = this.pretty ? MAPPER.writer().with(new ItemPerLinePrinter()) : MAPPER.writer();
		try (JsonGenerator generator = writer.createGenerator(output, JsonEncoding.UTF8)) {
			writeDataset(generator, dataset);
			if (this.pretty) {
				generator.writeRaw('\n');
			}
		}
		catch (JacksonIOException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * Writes the dataset as UTF-8 to a file, replacing it. The file holds personal data: where the
	 * file system has POSIX permissions it is readable and writable by its owner only (0600), whether
	 * it is new or was there before.
	 * @param dataset the dataset
	 * @param file the file
	 * @throws IOException if the file cannot be written, or its permissions cannot be set
	 */
	public void write(Dataset dataset, Path file) throws IOException {
		try (OutputStream output = newOwnerOnlyFile(file)) {
			write(dataset, output);
		}
	}

	/**
	 * Opens a file for writing, replacing its content, with owner-only permissions where the file
	 * system has them: a new file is created 0600, an existing one set to 0600 before anything is
	 * written to it.
	 */
	static OutputStream newOwnerOnlyFile(Path file) throws IOException {
		if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return Files.newOutputStream(file);
		}
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		catch (FileAlreadyExistsException ex) {
			Files.setPosixFilePermissions(file, OWNER_ONLY);
		}
		return Files.newOutputStream(file);
	}

	/**
	 * A new empty temporary file in {@code dir}, owner-only where the file system has POSIX
	 * permissions (said explicitly rather than relying on the JDK's default for temporary files).
	 */
	static Path createOwnerOnlyTempFile(Path dir, String prefix, String suffix) throws IOException {
		if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return Files.createTempFile(dir, prefix, suffix);
		}
		return Files.createTempFile(dir, prefix, suffix, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
	}

	/** The dataset as a JSON string. */
	public String writeToString(Dataset dataset) {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		try {
			write(dataset, output);
		}
		catch (IOException ex) {
			throw new IllegalStateException("writing to memory cannot fail", ex);
		}
		return output.toString(StandardCharsets.UTF_8);
	}

	private static void writeDataset(JsonGenerator generator, Dataset dataset) {
		generator.writeStartObject();
		generator.writeStringProperty("format", Dataset.FORMAT);
		optional(generator, "name", dataset.name());
		generator.writeArrayPropertyStart("units");
		for (Unit unit : dataset.units()) {
			writeUnit(generator, unit);
		}
		generator.writeEndArray();
		generator.writeArrayPropertyStart("orgs");
		for (Org org : dataset.orgs()) {
			writeOrg(generator, org);
		}
		generator.writeEndArray();
		generator.writeArrayPropertyStart("members");
		for (Member member : dataset.members()) {
			writeMember(generator, member);
		}
		generator.writeEndArray();
		// Only when there are some, so that a file without candidates keeps the shape it had before them.
		if (!dataset.candidates().isEmpty()) {
			generator.writeArrayPropertyStart("candidates");
			for (Candidate candidate : dataset.candidates()) {
				writeCandidate(generator, candidate);
			}
			generator.writeEndArray();
		}
		if (!dataset.dispatches().isEmpty()) {
			generator.writeArrayPropertyStart("dispatches");
			for (Dispatch dispatch : dataset.dispatches()) {
				writeDispatch(generator, dispatch);
			}
			generator.writeEndArray();
		}
		if (!dataset.away().isEmpty()) {
			generator.writeArrayPropertyStart("away");
			for (AwayRecord record : dataset.away()) {
				writeAway(generator, record);
			}
			generator.writeEndArray();
		}
		generator.writeEndObject();
	}

	static void writeUnit(JsonGenerator generator, Unit unit) {
		generator.writeStartObject();
		optional(generator, "id", unit.id());
		optional(generator, "kind", unit.kind());
		optional(generator, "name", unit.name());
		optional(generator, "locatedIn", unit.locatedIn());
		optional(generator, "leading", unit.leading());
		optional(generator, "industry", unit.industry());
		optional(generator, "supplies", unit.supplies());
		optional(generator, "households", unit.households());
		optional(generator, "householdsDriven", unit.householdsDriven());
		optional(generator, "industryCluster", unit.industryCluster());
		ids(generator, "adjacentTo", unit.adjacentTo());
		generator.writeEndObject();
	}

	static void writeOrg(JsonGenerator generator, Org org) {
		generator.writeStartObject();
		optional(generator, "id", org.id());
		optional(generator, "kind", org.kind());
		optional(generator, "name", org.name());
		optional(generator, "parent", org.parent());
		ids(generator, "units", org.units());
		ids(generator, "coManagedBy", org.coManagedBy());
		optional(generator, "trade", org.trade());
		optional(generator, "hasCommittee", org.hasCommittee());
		optional(generator, "electedOn", org.electedOn());
		generator.writeEndObject();
	}

	static void writeMember(JsonGenerator generator, Member member) {
		generator.writeStartObject();
		optional(generator, "id", member.id());
		optional(generator, "name", member.name());
		optional(generator, "status", member.status());
		optional(generator, "org", member.org());
		optional(generator, "unit", member.unit());
		optional(generator, "trade", member.trade());
		optional(generator, "gender", member.gender());
		optional(generator, "birthDate", member.birthDate());
		optional(generator, "joined", member.joined());
		optional(generator, "probationSince", member.probationSince());
		optional(generator, "probationExtendedTo", member.probationExtendedTo());
		optional(generator, "idNumber", member.idNumber());
		optional(generator, "phone", member.phone());
		optional(generator, "group", member.group());
		if (!member.roles().isEmpty()) {
			generator.writeArrayPropertyStart("roles");
			for (RoleAssignment role : member.roles()) {
				generator.writeStartObject();
				optional(generator, "org", role.org());
				optional(generator, "role", role.role());
				generator.writeEndObject();
			}
			generator.writeEndArray();
		}
		ids(generator, "participatesIn", member.participatesIn());
		generator.writeEndObject();
	}

	static void writeCandidate(JsonGenerator generator, Candidate candidate) {
		generator.writeStartObject();
		optional(generator, "id", candidate.id());
		optional(generator, "name", candidate.name());
		optional(generator, "org", candidate.org());
		optional(generator, "stage", candidate.stage());
		optional(generator, "appliedOn", candidate.appliedOn());
		optional(generator, "activistSince", candidate.activistSince());
		optional(generator, "targetSince", candidate.targetSince());
		optional(generator, "admittedOn", candidate.admittedOn());
		optional(generator, "member", candidate.member());
		optional(generator, "gender", candidate.gender());
		optional(generator, "birthDate", candidate.birthDate());
		if (!candidate.records().isEmpty()) {
			generator.writeArrayPropertyStart("records");
			for (DevelopmentRecord record : candidate.records()) {
				generator.writeStartObject();
				optional(generator, "kind", record.kind());
				optional(generator, "on", record.on());
				optional(generator, "note", record.note());
				generator.writeEndObject();
			}
			generator.writeEndArray();
		}
		ids(generator, "formerOrgs", candidate.formerOrgs());
		if (!candidate.formerUntil().isEmpty()) {
			generator.writeArrayPropertyStart("formerUntil");
			for (LocalDate day : candidate.formerUntil()) {
				generator.writeString(day.toString());
			}
			generator.writeEndArray();
		}
		generator.writeEndObject();
	}

	static void writeDispatch(JsonGenerator generator, Dispatch dispatch) {
		generator.writeStartObject();
		optional(generator, "member", dispatch.member());
		optional(generator, "village", dispatch.village());
		optional(generator, "from", dispatch.from());
		optional(generator, "to", dispatch.to());
		optional(generator, "by", dispatch.by());
		generator.writeEndObject();
	}

	static void writeAway(JsonGenerator generator, AwayRecord record) {
		generator.writeStartObject();
		optional(generator, "member", record.member());
		optional(generator, "org", record.org());
		optional(generator, "from", record.from());
		optional(generator, "to", record.to());
		generator.writeEndObject();
	}

	private static void ids(JsonGenerator generator, String key, List<String> ids) {
		if (ids.isEmpty()) {
			return;
		}
		generator.writeArrayPropertyStart(key);
		for (String id : ids) {
			generator.writeString(id);
		}
		generator.writeEndArray();
	}

	/** Writes a key with a string, enum, date, number or boolean value, or nothing when it is null. */
	private static void optional(JsonGenerator generator, String key, Object value) {
		if (value == null) {
			return;
		}
		generator.writeName(key);
		if (value instanceof Boolean flag) {
			generator.writeBoolean(flag);
		}
		else if (value instanceof Integer number) {
			generator.writeNumber(number);
		}
		else if (value instanceof Enum<?> constant) {
			generator.writeString(constant.name());
		}
		else if (value instanceof LocalDate date) {
			// LocalDate.toString is ISO yyyy-MM-dd for years 0 to 9999.
			generator.writeString(date.toString());
		}
		else {
			generator.writeString((String) value);
		}
	}

}
