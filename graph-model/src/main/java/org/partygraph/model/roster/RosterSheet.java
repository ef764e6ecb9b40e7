package org.partygraph.model.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.partygraph.model.Gender;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.NameKeys;
import org.partygraph.model.Trade;
import org.partygraph.model.WordedArgumentException;
import org.partygraph.model.Wording;

/**
 * A roster file read into members: its header row recognized ({@link RosterField#of}, or a stated
 * mapping from the file's header to a field), then every row parsed, every problem collected by row
 * and column rather than stopping at the first.
 *
 * @param entries the member rows (blank rows left out), in file order
 * @param columns the file's header text of each field it has
 * @param ignored the file's headers that name no field (kept out of the import)
 * @param problems everything wrong; the file may be imported only when this is empty
 */
public record RosterSheet(List<RosterEntry> entries, Map<RosterField, String> columns, List<String> ignored,
		List<RosterProblem> problems) {

	/** The first member row as a spreadsheet numbers it (the header row is 1). */
	public static final int FIRST_ROW = 2;

	/**
	 * Reads a roster.
	 * @param header the header row's cells
	 * @param rows the rows below it, each a list of cell texts ({@code null} or blank for empty cells)
	 * @param mapping file header → field ({@link RosterField} name or a recognized header), for
	 * headers that differ from the usual ones; may be {@code null}
	 * @param orgGiven whether the file goes to a given org, so that no org column is required (a
	 * new member's blank org is that org)
	 */
	public static RosterSheet read(List<String> header, List<List<String>> rows, Map<String, String> mapping,
			boolean orgGiven) {
		List<RosterProblem> problems = new ArrayList<>();
		RosterField[] fieldOf = new RosterField[header.size()];
		Map<String, RosterField> stated = new HashMap<>();
		if (mapping != null) {
			mapping.forEach((from, to) -> {
				String column = (from != null) ? from.trim() : "";
				int index = indexOf(header, column);
				RosterField field = RosterField.of(to);
				if (index < 0) {
					problems.add(new RosterProblem(1, column, (field != null) ? field.name() : null,
							"the mapping names a column the file does not have (its headers: " + header + ")",
							Wording.of("roster.file.mappingNoColumn", header)));
				}
				else if (field == null) {
					problems.add(new RosterProblem(1, column, null, "the mapping's field '" + to
							+ "' is no roster field (one of " + Arrays.toString(RosterField.values()) + ")",
							Wording.of("roster.file.mappingNoField", to, Arrays.toString(RosterField.values()))));
				}
				else {
					stated.put(header.get(index).trim(), field);
				}
			});
		}
		Map<RosterField, String> columns = new EnumMap<>(RosterField.class);
		Map<RosterField, Integer> index = new EnumMap<>(RosterField.class);
		List<String> ignored = new ArrayList<>();
		for (int i = 0; i < header.size(); i++) {
			String text = (header.get(i) != null) ? header.get(i).trim() : "";
			if (text.isEmpty()) {
				continue;
			}
			RosterField field = stated.containsKey(text) ? stated.get(text) : RosterField.of(text);
			if (field == null) {
				ignored.add(text);
				continue;
			}
			if (columns.containsKey(field)) {
				problems.add(new RosterProblem(1, text, field.name(),
						"column '" + columns.get(field) + "' holds " + field.header() + " already",
						Wording.of("roster.file.columnTwice", columns.get(field), field.header())));
				continue;
			}
			fieldOf[i] = field;
			columns.put(field, text);
			index.put(field, i);
		}
		for (RosterField required : List.of(RosterField.NAME, RosterField.JOINED)) {
			if (!columns.containsKey(required)) {
				problems.add(new RosterProblem(1, required.header(), required.name(), "required column missing",
						Wording.of("roster.file.columnMissing")));
			}
		}
		if (!orgGiven && !columns.containsKey(RosterField.ORG_NAME) && !columns.containsKey(RosterField.ORG_ID)) {
			problems.add(new RosterProblem(1, RosterField.ORG_NAME.header(), RosterField.ORG_NAME.name(),
					"required column missing (所在党组织 or 党组织编号)", Wording.of("roster.file.orgColumnMissing")));
		}
		List<RosterEntry> entries = new ArrayList<>();
		Map<String, Integer> memberIds = new HashMap<>();
		Map<String, Integer> idNumbers = new HashMap<>();
		for (int r = 0; r < rows.size(); r++) {
			int rowNumber = r + FIRST_ROW;
			Row row = new Row(rowNumber, rows.get(r), columns, index, problems);
			if (row.blank()) {
				continue;
			}
			String name = row.text(RosterField.NAME);
			if (name == null && columns.containsKey(RosterField.NAME)) {
				row.problem(RosterField.NAME, "a name is required", Wording.of("roster.file.nameRequired"));
			}
			String memberId = row.text(RosterField.MEMBER_ID);
			Gender gender = row.parse(RosterField.GENDER, RosterCells::gender);
			MemberStatus status = row.parse(RosterField.STATUS, RosterCells::status);
			LocalDate fullSince = row.parse(RosterField.FULL_SINCE, RosterCells::date);
			if (fullSince != null) {
				if (status == MemberStatus.PROBATIONARY) {
					row.problem(RosterField.FULL_SINCE, "a 转正时间 is given, but " + columns.get(RosterField.STATUS)
							+ " says 预备党员", Wording.of("roster.file.fullSinceProbationary", columns.get(RosterField.STATUS)));
				}
				status = MemberStatus.FULL;
			}
			LocalDate joined = row.parse(RosterField.JOINED, RosterCells::date);
			Trade trade = row.parse(RosterField.TRADE, RosterCells::trade);
			LocalDate birthDate = row.parse(RosterField.BIRTH_DATE, RosterCells::date);
			String idNumber = row.parse(RosterField.ID_NUMBER, (text) -> {
				String normalized = IdNumberCheck.normalize(text);
				IdNumberCheck.check(normalized);
				return normalized;
			});
			if (birthDate != null && joined != null && joined.isBefore(birthDate)) {
				row.problem(RosterField.JOINED, "joined (" + joined + ") before being born (" + birthDate + ")",
						Wording.of("roster.file.joinedBeforeBorn", joined, birthDate));
			}
			if (fullSince != null && joined != null && fullSince.isBefore(joined)) {
				row.problem(RosterField.FULL_SINCE, "full member (" + fullSince + ") before joining (" + joined + ")",
						Wording.of("roster.file.fullBeforeJoined", fullSince, joined));
			}
			if (memberId != null) {
				Integer earlier = memberIds.putIfAbsent(memberId, rowNumber);
				if (earlier != null) {
					row.problem(RosterField.MEMBER_ID, "'" + memberId + "' is in row " + earlier + " already",
							Wording.of("roster.file.inRowAlready", memberId, earlier));
				}
			}
			if (idNumber != null) {
				Integer earlier = idNumbers.putIfAbsent(idNumber, rowNumber);
				if (earlier != null) {
					row.problem(RosterField.ID_NUMBER, "'" + idNumber + "' is in row " + earlier + " already",
							Wording.of("roster.file.inRowAlready", idNumber, earlier));
				}
			}
			entries.add(new RosterEntry(rowNumber, memberId, name, gender, status, joined, trade,
					row.text(RosterField.ORG_ID), row.text(RosterField.ORG_NAME), birthDate, idNumber,
					row.text(RosterField.PHONE), row.text(RosterField.GROUP), row.text(RosterField.UNIT)));
		}
		// by row, then in the file's column order (a missing column's problem last)
		problems.sort(java.util.Comparator.comparingInt(RosterProblem::row).thenComparingInt((p) -> {
			int at = indexOf(header, p.column());
			return (at < 0) ? Integer.MAX_VALUE : at;
		}));
		return new RosterSheet(List.copyOf(entries), columns, List.copyOf(ignored), List.copyOf(problems));
	}

	/** This sheet's entries, or a refusal listing every problem. */
	public List<RosterEntry> entriesOrThrow() {
		if (!this.problems.isEmpty()) {
			throw new RosterRejectedException(this.problems);
		}
		return this.entries;
	}

	/** The header of a field's column, or its simplified header when the file has no such column. */
	public String column(RosterField field) {
		return this.columns.getOrDefault(field, field.header());
	}

	private static int indexOf(List<String> header, String column) {
		for (int i = 0; i < header.size(); i++) {
			if (header.get(i) != null && header.get(i).trim().equals(column)) {
				return i;
			}
		}
		String folded = NameKeys.fold(column);
		for (int i = 0; i < header.size(); i++) {
			if (header.get(i) != null && !folded.isEmpty() && NameKeys.fold(header.get(i)).equals(folded)) {
				return i;
			}
		}
		return -1;
	}

	/** One row's cells by field, and where its problems go. */
	private record Row(int number, List<String> cells, Map<RosterField, String> columns,
			Map<RosterField, Integer> index, List<RosterProblem> problems) {

		boolean blank() {
			return this.cells == null || this.cells.stream().allMatch((c) -> c == null || c.isBlank());
		}

		String text(RosterField field) {
			Integer i = this.index.get(field);
			if (i == null || i >= this.cells.size() || this.cells.get(i) == null) {
				return null;
			}
			String text = this.cells.get(i).strip();
			return text.isEmpty() ? null : text;
		}

		<T> T parse(RosterField field, Function<String, T> parser) {
			String text = text(field);
			if (text == null) {
				return null;
			}
			try {
				return parser.apply(text);
			}
			catch (IllegalArgumentException ex) {
				problem(field, ex.getMessage(), (ex instanceof WordedArgumentException w) ? w.wording() : null);
				return null;
			}
		}

		void problem(RosterField field, String message, Wording wording) {
			this.problems.add(new RosterProblem(this.number, this.columns.getOrDefault(field, field.header()),
					field.name(), message, wording));
		}

	}

	/** A mapping given as pairs, in order (for callers holding a list of header/field pairs). */
	public static Map<String, String> mapping(List<Map.Entry<String, String>> pairs) {
		Map<String, String> mapping = new LinkedHashMap<>();
		if (pairs != null) {
			pairs.forEach((p) -> mapping.put(p.getKey(), p.getValue()));
		}
		return mapping;
	}

}
