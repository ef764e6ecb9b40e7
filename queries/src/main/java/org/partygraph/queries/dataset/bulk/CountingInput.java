package org.partygraph.queries.dataset.bulk;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file's stream that counts the bytes read, for estimates while it is read. */
final class CountingInput extends FilterInputStream {

	long count;

	CountingInput(Path file) throws IOException {
		super(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			this.count++;
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			this.count += n;
		}
		return n;
	}

}
