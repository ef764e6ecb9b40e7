package org.partygraph.api.scenario;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.partygraph.queries.scenario.ScenarioDetails;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.scenario.ScenarioDetails.Step;
import org.partygraph.queries.whatif.MemberMove;
import org.partygraph.queries.whatif.Operation;

/**
 * A scenario's steps and the members it moves as CSV for a spreadsheet: UTF-8 with a byte-order
 * mark (so Excel reads the Chinese), CRLF line ends, RFC 4180 quoting, the columns step, op, org,
 * target, member, description.
 * <ul>
 * <li>One row per operation, in order: its step number, its op, the org(s) it names, its target
 * org, its member, and what it does (in the request's language): on the live graph now; for an applied scenario what it did
 * (as saved), and for one that no longer applies what it did when saved, marked so.</li>
 * <li>Then one row per member moved (every one, as the report's {@code moves}): step empty, op
 * {@code MEMBER_MOVED}, org the org moved from, target the org moved to, member the member's id,
 * description "name: from-name → to-name". They come from the report on the live graph, so a
 * scenario that has no report now (applied, or no longer applies) has none.</li>
 * </ul>
 * A cell that a spreadsheet would take for a formula is prefixed with an apostrophe.
 */
final class ChangesCsv {

	static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	static final String HEADER = "step,op,org,target,member,description";

	private ChangesCsv() {
	}

	/** The op of a row listing a member moved. */
	static final String MEMBER_MOVED = "MEMBER_MOVED";

	static byte[] render(ScenarioDetails details, OrgNames names, Lang lang) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (Step step : details.steps()) {
			Operation op = step.operation();
			String org = op.orgs().isEmpty() ? op.org() : String.join(" ", op.orgs());
			String description = String.join("; ", step.description(lang));
			if (!step.live() && !details.scenario().applied()) {
				description = "as saved (" + ((details.reportError() != null) ? details.reportError() : "no longer applies")
						+ "): " + description;
			}
			row(csv, List.of(String.valueOf(step.step()), (op.op() != null) ? op.op().name() : "",
					nonNull(org), nonNull(op.target()), nonNull(op.member()), description));
		}
		if (details.report() != null) {
			for (MemberMove move : details.report().moves()) {
				row(csv, List.of("", MEMBER_MOVED, nonNull(move.fromOrg()), nonNull(move.toOrg()), move.memberId(),
						move.memberName() + ": " + names.from(move.fromOrg()) + " → " + names.to(move.toOrg())));
			}
		}
		byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[BOM.length + text.length];
		System.arraycopy(BOM, 0, bytes, 0, BOM.length);
		System.arraycopy(text, 0, bytes, BOM.length, text.length);
		return bytes;
	}

	private static void row(StringBuilder csv, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(quote(cells.get(i)));
		}
		csv.append("\r\n");
	}

	static String quote(String cell) {
		String value = cell;
		if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
			value = "'" + value;
		}
		if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
				|| value.indexOf('\r') >= 0) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

	private static String nonNull(String value) {
		return (value != null) ? value : "";
	}

}
