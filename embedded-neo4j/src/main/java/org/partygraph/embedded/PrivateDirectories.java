package org.partygraph.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Directories that hold member data (the store) or secrets: on a file system with POSIX
 * permissions only their owner may list or enter them (0700), so the files Neo4j writes inside
 * with its own defaults cannot be read by other users whatever their mode. Elsewhere they get the
 * platform's default protection.
 */
final class PrivateDirectories {

	/** rwx------ */
	static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

	private PrivateDirectories() {
	}

	/**
	 * Creates a directory and any missing parents, each directory created here 0700; directories
	 * that already exist (such as a data directory the operator made) are left as they are.
	 * @param dir the directory
	 * @throws IOException if it cannot be created
	 */
	static void create(Path dir) throws IOException {
		if (isPosix(dir)) {
			FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
			Files.createDirectories(dir, ownerOnly);
		}
		else {
			Files.createDirectories(dir);
		}
	}

	/**
	 * Creates the directory as {@link #create(Path)} does and, when it was there already, sets it to
	 * 0700: for directories that belong to the service alone, such as the store, so that a store
	 * made by an earlier version with the default 0755 is closed too.
	 * @param dir the directory
	 * @throws UncheckedIOException if it cannot be created or its permissions cannot be set
	 */
	static void restrict(Path dir) {
		try {
			create(dir);
			if (isPosix(dir) && !Files.getPosixFilePermissions(dir).equals(OWNER_ONLY)) {
				Files.setPosixFilePermissions(dir, OWNER_ONLY);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot make " + dir + " a directory only its owner may read", ex);
		}
	}

	private static boolean isPosix(Path dir) {
		return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
