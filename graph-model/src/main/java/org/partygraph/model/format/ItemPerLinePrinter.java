package org.partygraph.model.format;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.PrettyPrinter;

/**
 * Lays a dataset out as the contract's example does: one top-level key per line, one item per line
 * inside the lists, each item on a single line. Files stay readable and diff item by item, and a
 * county of millions of members is not blown up to a line per field.
 *
 * <p>
 * Keeps the nesting depth, so an instance serves one generator at a time.
 */
final class ItemPerLinePrinter implements PrettyPrinter {

	/** Depth of the top-level lists; items are one deeper, and written on one line. */
	private static final int LIST_DEPTH = 2;

	private int depth;

	ItemPerLinePrinter() {
		this(0);
	}

	/** A printer for items written on their own, as if inside a top-level list. */
	static ItemPerLinePrinter forItems() {
		return new ItemPerLinePrinter(LIST_DEPTH);
	}

	private ItemPerLinePrinter(int depth) {
		this.depth = depth;
	}

	@Override
	public void writeRootValueSeparator(JsonGenerator generator) {
		generator.writeRaw('\n');
	}

	@Override
	public void writeStartObject(JsonGenerator generator) {
		generator.writeRaw('{');
		this.depth++;
	}

	@Override
	public void beforeObjectEntries(JsonGenerator generator) {
		breakLine(generator, this.depth < LIST_DEPTH, "");
	}

	@Override
	public void writeObjectNameValueSeparator(JsonGenerator generator) {
		generator.writeRaw(": ");
	}

	@Override
	public void writeObjectEntrySeparator(JsonGenerator generator) {
		generator.writeRaw(',');
		breakLine(generator, this.depth < LIST_DEPTH, " ");
	}

	@Override
	public void writeEndObject(JsonGenerator generator, int entries) {
		this.depth--;
		if (entries > 0) {
			breakLine(generator, this.depth < LIST_DEPTH - 1, "");
		}
		generator.writeRaw('}');
	}

	@Override
	public void writeStartArray(JsonGenerator generator) {
		generator.writeRaw('[');
		this.depth++;
	}

	@Override
	public void beforeArrayValues(JsonGenerator generator) {
		breakLine(generator, this.depth <= LIST_DEPTH, "");
	}

	@Override
	public void writeArrayValueSeparator(JsonGenerator generator) {
		generator.writeRaw(',');
		breakLine(generator, this.depth <= LIST_DEPTH, " ");
	}

	@Override
	public void writeEndArray(JsonGenerator generator, int values) {
		this.depth--;
		if (values > 0) {
			breakLine(generator, this.depth < LIST_DEPTH, "");
		}
		generator.writeRaw(']');
	}

	/** A new line indented to the current depth, or {@code inline} when on one line. */
	private void breakLine(JsonGenerator generator, boolean onNewLine, String inline) {
		if (onNewLine) {
			generator.writeRaw('\n');
			generator.writeRaw("  ".repeat(this.depth));
		}
		else if (!inline.isEmpty()) {
			generator.writeRaw(inline);
		}
	}

}
