package org.partygraph.api.export;

/**
 * A spreadsheet column: its heading in both scripts and its width in characters (a Chinese
 * character counts as two).
 */
public record Column(String simplified, String traditional, int width) {

	public String heading(Zh zh) {
		return zh.pick(this.simplified, this.traditional);
	}

}
