package org.partygraph.api.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The streaming workbook, without a server. */
class XlsxBookTests {

	@Test
	void rowsBeyondTheWindowAreFlushedNotHeldAndAllArriveInTheFile() throws Exception {
		int rows = 5_000;
		int window = 50;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		long flushedBeforeWrite;
		try (XlsxBook book = new XlsxBook(window)) {
			XlsxBook.Sheet sheet = book.sheet("名册", List.of(new Column("姓名", "姓名", 8), new Column("日期", "日期", 10),
					new Column("数", "數", 6)), Zh.HANS);
			for (int i = 0; i < rows; i++) {
				sheet.row("成员" + i, LocalDate.of(2000, 1, 1).plusDays(i), i);
				// Never more than the window in memory: everything older is already on disk.
				assertThat(book.flushedRows()).isGreaterThanOrEqualTo(i + 2L - window);
			}
			flushedBeforeWrite = book.flushedRows();
			assertThat(sheet.rows()).isEqualTo(rows);
			book.write(out);
		}
		assertThat(flushedBeforeWrite).isEqualTo(rows + 1L - window);
		try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			XSSFSheet sheet = read.getSheet("名册");
			assertThat(sheet.getLastRowNum()).isEqualTo(rows);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getRow(rows).getCell(0).getStringCellValue()).isEqualTo("成员" + (rows - 1));
			assertThat(DateUtil.isCellDateFormatted(sheet.getRow(1).getCell(1))).isTrue();
			assertThat(sheet.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate())
				.isEqualTo(LocalDate.of(2000, 1, 1));
			assertThat(sheet.getRow(rows).getCell(2).getNumericCellValue()).isEqualTo(rows - 1);
		}
	}

	/** Past a sheet's limit of rows (here 1 + 10), the rows go on in continuation sheets with the header. */
	@Test
	void rowsPastTheLimitOfASheetGoOnInTheNextSheet() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XlsxBook book = new XlsxBook(5, 11)) {
			XlsxBook.Sheet sheet = book.sheet("名册", List.of(new Column("姓名", "姓名", 8), new Column("数", "數", 6)),
					Zh.HANS);
			for (int i = 0; i < 25; i++) {
				sheet.row("成员" + i, i);
			}
			assertThat(sheet.rows()).isEqualTo(25);
			book.write(out);
		}
		try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(read.getNumberOfSheets()).isEqualTo(3);
			List<String> names = List.of("名册", "名册 (2)", "名册 (3)");
			int seen = 0;
			for (String name : names) {
				XSSFSheet sheet = read.getSheet(name);
				assertThat(sheet).as(name).isNotNull();
				assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
				assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
				for (int r = 1; r <= sheet.getLastRowNum(); r++) {
					assertThat(sheet.getRow(r).getCell(1).getNumericCellValue()).as(name + " row " + r).isEqualTo(seen++);
				}
			}
			assertThat(seen).as("every row once, in order").isEqualTo(25);
			assertThat(read.getSheet("名册 (3)").getLastRowNum()).isEqualTo(5);
		}
	}

	@Test
	void temporaryFilesAreGoneAfterClose() throws Exception {
		Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
		long before = poiFiles(tmp);
		try (XlsxBook book = new XlsxBook(10)) {
			XlsxBook.Sheet sheet = book.sheet("a", List.of(new Column("x", "x", 4)), Zh.HANS);
			for (int i = 0; i < 100; i++) {
				sheet.row("v" + i);
			}
			assertThat(poiFiles(tmp)).isGreaterThan(before);
			book.write(new ByteArrayOutputStream());
		}
		assertThat(poiFiles(tmp)).isEqualTo(before);
	}

	@Test
	void scriptFromAcceptLanguage() {
		assertThat(Zh.of(java.util.Locale.forLanguageTag("zh-TW"))).isEqualTo(Zh.HANT);
		assertThat(Zh.of(java.util.Locale.forLanguageTag("zh-HK"))).isEqualTo(Zh.HANT);
		assertThat(Zh.of(java.util.Locale.forLanguageTag("zh-Hant-CN"))).isEqualTo(Zh.HANT);
		assertThat(Zh.of(java.util.Locale.forLanguageTag("zh-CN"))).isEqualTo(Zh.HANS);
		assertThat(Zh.of(java.util.Locale.forLanguageTag("zh"))).isEqualTo(Zh.HANS);
		assertThat(Zh.HANT.pick("党员", "黨員")).isEqualTo("黨員");
		assertThat(Zh.ofHeader("en;q=0.9,zh-Hant;q=0.8")).isEqualTo(Zh.HANT);
		assertThat(Zh.ofHeader("zh-CN;q=0.5,zh-TW;q=0.9")).isEqualTo(Zh.HANT);
		assertThat(Zh.ofHeader("zh-TW;q=0.5,zh-CN;q=0.9")).isEqualTo(Zh.HANS);
		assertThat(Zh.ofHeader("en-US,en")).isEqualTo(Zh.HANS);
		assertThat(Zh.ofHeader("not a header;;")).isEqualTo(Zh.HANS);
		assertThat(Zh.ofHeader(null)).isEqualTo(Zh.HANS);
	}

	private static long poiFiles(Path dir) throws Exception {
		Path poi = dir.resolve("poifiles");
		if (!Files.isDirectory(poi)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(poi)) {
			return files.count();
		}
	}

}
