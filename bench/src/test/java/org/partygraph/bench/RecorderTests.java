package org.partygraph.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecorderTests {

	@Test
	void rowsPerKindAndOverall() {
		Recorder recorder = new Recorder();
		for (int i = 1; i <= 10; i++) {
			recorder.record("read", i * 1_000_000L, Recorder.Outcome.OK, null);
		}
		recorder.record("write", 50_000_000L, Recorder.Outcome.OK, null);
		recorder.record("write", 70_000_000L, Recorder.Outcome.UNEXPECTED, "boom");
		recorder.record("refuse", 5_000_000L, Recorder.Outcome.EXPECTED, null);
		List<Recorder.Row> rows = recorder.rows(2.0);
		assertThat(rows).extracting(Recorder.Row::kind).containsExactly("read", "refuse", "write", "all");
		Recorder.Row read = rows.get(0);
		assertThat(read.latency().p50()).isEqualTo(5_000_000L);
		assertThat(read.latency().p90()).isEqualTo(9_000_000L);
		assertThat(read.perSecond()).isEqualTo(5.0);
		Recorder.Row all = rows.get(3);
		assertThat(all.ok()).isEqualTo(11);
		assertThat(all.expected()).isEqualTo(1);
		assertThat(all.unexpected()).isEqualTo(1);
		assertThat(all.latency().count()).isEqualTo(13);
		assertThat(all.latency().max()).isEqualTo(70_000_000L);
		assertThat(recorder.unexpected()).isEqualTo(1);
		assertThat(recorder.unexpectedDetails()).containsExactly("write: boom");
		assertThat(Recorder.table(rows)).contains("| `read` | 10 | 10 | 0 | 0 | 5.0 | 9.0 | 10.0 | 10.0 | 5.0 |")
			.contains("| **all** | 13 | 11 | 1 | 1 |");
	}

	@Test
	void theMixPicksEveryKindInProportion() {
		int total = LoadTest.MIX.values().stream().mapToInt(Integer::intValue).sum();
		assertThat(total).isEqualTo(100);
		java.util.Map<String, Integer> seen = new java.util.HashMap<>();
		for (int roll = 0; roll < total; roll++) {
			seen.merge(LoadTest.pick(LoadTest.MIX, roll), 1, Integer::sum);
		}
		assertThat(seen).isEqualTo(LoadTest.MIX);
	}

}
