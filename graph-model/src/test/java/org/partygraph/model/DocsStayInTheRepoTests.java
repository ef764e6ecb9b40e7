package org.partygraph.model;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything the repository cites is in the repository: the README, SECURITY.md, docs/ and the
 * sources never refer to the design folder the project started from (its contract and domain
 * brief now live in docs/contract.md and docs/source-report.md), and no Markdown link leads out of
 * the repository or to a file that is not there. A failure names the file and the line.
 */
class DocsStayInTheRepoTests {

	// Built from pieces so that this file does not match itself.
	private static final List<String> OUTSIDE = List.of(".." + "/shared", "/work" + "/shared", "CONTRACT" + ".md",
			"DOMAIN" + ".md", "STACK" + ".md", "STYLE" + ".md");

	/** Build output, installed packages and tool folders; the top-level data/ (a local store) too. */
	private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "node_modules", ".idea", ".vscode");

	private static final Set<String> TEXT = Set.of("md", "java", "graphqls", "graphql", "js", "mjs", "json", "html",
			"css", "cypher", "properties", "yml", "yaml", "xml", "txt", "csv", "sh", "dot", "svg");

	/** An inline Markdown link or image: {@code [text](target)} or {@code ![alt](target "title")}. */
	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

	private static final Path ROOT = repositoryRoot();

	@Test
	void nothingRefersToTheDesignFolderOutsideTheRepository() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : textFiles()) {
			List<String> lines = lines(file);
			for (int i = 0; i < lines.size(); i++) {
				for (String outside : OUTSIDE) {
					if (lines.get(i).contains(outside)) {
						found.add(ROOT.relativize(file) + ":" + (i + 1) + ": refers to " + outside + ": "
								+ lines.get(i).strip());
					}
				}
			}
		}
		assertThat(found).as("references to files outside the repository; cite docs/ instead").isEmpty();
	}

	@Test
	void markdownLinksStayInTheRepositoryAndResolve() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : textFiles()) {
			if (!file.toString().endsWith(".md")) {
				continue;
			}
			List<String> lines = lines(file);
			boolean fenced = false;
			for (int i = 0; i < lines.size(); i++) {
				if (lines.get(i).strip().startsWith("```")) {
					fenced = !fenced;
				}
				if (fenced) {
					continue;
				}
				Matcher link = LINK.matcher(lines.get(i));
				while (link.find()) {
					String problem = problem(file, link.group(1));
					if (problem != null) {
						found.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + link.group(1) + " " + problem);
					}
				}
			}
		}
		assertThat(found).as("Markdown links out of the repository or to missing files").isEmpty();
	}

	@Test
	void theCheckSeesTheFilesItGuards() throws IOException {
		List<String> checked = textFiles().stream().map((f) -> ROOT.relativize(f).toString().replace('\\', '/')).toList();
		assertThat(checked).contains("README.md", "SECURITY.md", "docs/contract.md", "docs/source-report.md",
				"graph-model/src/main/java/org/partygraph/model/format/DatasetWriter.java",
				"api/src/main/resources/graphql/schema.graphqls");
		assertThat(problem(ROOT.resolve("docs/contract.md"), "../" + ".." + "/shared/seed/")).isNotNull();
		assertThat(problem(ROOT.resolve("docs/contract.md"), "no-such-file.md")).isNotNull();
		assertThat(problem(ROOT.resolve("docs/contract.md"), "source-report.md#the-figures")).isNull();
		assertThat(problem(ROOT.resolve("README.md"), "https://example.org/x")).isNull();
	}

	/** Why a link target is wrong, or null when it is fine (a web address, an anchor, a file here). */
	private static String problem(Path file, String target) {
		if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || target.startsWith("#")) {
			return null;
		}
		String path = target.replaceAll("[#?].*$", "");
		if (path.isEmpty()) {
			return null;
		}
		Path resolved = file.getParent().resolve(path).normalize();
		if (!resolved.startsWith(ROOT)) {
			return "leads out of the repository";
		}
		return Files.exists(resolved) ? null : "does not exist";
	}

	private static List<Path> textFiles() throws IOException {
		List<Path> files = new ArrayList<>();
		Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
				String name = dir.getFileName().toString();
				boolean skipped = SKIPPED_DIRS.contains(name) || (dir.getParent().equals(ROOT) && name.equals("data"));
				return (skipped && !dir.equals(ROOT)) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
				if (attributes.isRegularFile() && isText(file)) {
					files.add(file);
				}
				return FileVisitResult.CONTINUE;
			}

		});
		files.sort(null);
		return files;
	}

	private static boolean isText(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		if (dot < 0) {
			// Scripts without an extension (bench/load-test, .ci/run).
			return file.getParent().endsWith("bench") || file.getParent().endsWith(".ci");
		}
		return TEXT.contains(name.substring(dot + 1));
	}

	private static List<String> lines(Path file) throws IOException {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (MalformedInputException ex) {
			return List.of();
		}
	}

	private static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs"))
					&& Files.isRegularFile(dir.resolve("pom.xml"))) {
				return dir;
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
	}

}
