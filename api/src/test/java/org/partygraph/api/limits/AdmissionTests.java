package org.partygraph.api.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import graphql.parser.ParserOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link Admission}: at most its slots run, the waiting go in lane order (applies, writes, reads)
 * and in arrival order within a lane, one that waits past the wait is turned away and leaves the
 * queue; {@link AdmissionInterceptor#lane} reads the lane from a document.
 */
class AdmissionTests {

	private static final Duration LONG = Duration.ofSeconds(30);

	@Test
	void theWaitingGoInByLaneThenByArrival() throws Exception {
		Admission admission = new Admission(1, LONG);
		admission.enter(Admission.Lane.READ); // holds the only slot
		List<String> order = Collections.synchronizedList(new ArrayList<>());
		List<Thread> threads = new ArrayList<>();
		String[][] arrivals = { { "read-1", "READ" }, { "write-1", "WRITE" }, { "read-2", "READ" },
				{ "apply-1", "APPLY" }, { "write-2", "WRITE" } };
		for (String[] arrival : arrivals) {
			int before = admission.waiting();
			Thread t = new Thread(() -> {
				admission.enter(Admission.Lane.valueOf(arrival[1]));
				order.add(arrival[0]);
				admission.leave();
			});
			t.start();
			threads.add(t);
			waitFor(() -> admission.waiting() == before + 1);
		}
		assertThat(admission.running()).isOne();
		assertThat(order).isEmpty();
		admission.leave();
		for (Thread t : threads) {
			t.join(10_000);
		}
		assertThat(order).containsExactly("apply-1", "write-1", "write-2", "read-1", "read-2");
		assertThat(admission.running()).isZero();
		assertThat(admission.waiting()).isZero();
	}

	@Test
	void noMoreThanTheSlotsRunAtOnce() throws Exception {
		Admission admission = new Admission(2, LONG);
		admission.enter(Admission.Lane.READ);
		admission.enter(Admission.Lane.WRITE);
		CountDownLatch in = new CountDownLatch(1);
		Thread third = new Thread(() -> {
			admission.enter(Admission.Lane.APPLY);
			in.countDown();
		});
		third.start();
		waitFor(() -> admission.waiting() == 1);
		assertThat(in.await(200, TimeUnit.MILLISECONDS)).as("both slots taken: the apply waits").isFalse();
		admission.leave();
		assertThat(in.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(admission.running()).isEqualTo(2);
		third.join();
	}

	@Test
	void oneThatWaitsPastTheWaitIsTurnedAwayAndLeavesTheQueue() throws Exception {
		Admission admission = new Admission(1, Duration.ofMillis(300));
		admission.enter(Admission.Lane.WRITE);
		long started = System.nanoTime();
		assertThatExceptionOfType(Admission.Busy.class).isThrownBy(() -> admission.enter(Admission.Lane.APPLY))
			.satisfies((busy) -> {
				assertThat(busy.running()).isOne();
				assertThat(busy.waiting()).isZero();
			});
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
		assertThat(admission.waiting()).isZero();
		// The slot given back, the next one goes straight in.
		admission.leave();
		admission.enter(Admission.Lane.READ);
		assertThat(admission.running()).isOne();
	}

	@Test
	void aTurnedAwayHeadLetsTheNextOneIn() throws Exception {
		Admission admission = new Admission(1, Duration.ofMillis(400));
		admission.enter(Admission.Lane.READ);
		List<String> outcome = Collections.synchronizedList(new ArrayList<>());
		Thread apply = new Thread(() -> {
			try {
				admission.enter(Admission.Lane.APPLY);
				outcome.add("apply in");
			}
			catch (Admission.Busy busy) {
				outcome.add("apply busy");
			}
		});
		apply.start();
		waitFor(() -> admission.waiting() == 1);
		Thread.sleep(200);
		// A read arrives behind the apply; the apply times out first, then the slot frees for the read.
		Thread read = new Thread(() -> {
			admission.enter(Admission.Lane.READ);
			outcome.add("read in");
			admission.leave();
		});
		read.start();
		apply.join(5_000);
		assertThat(outcome).containsExactly("apply busy");
		admission.leave();
		read.join(5_000);
		assertThat(outcome).containsExactly("apply busy", "read in");
	}

	@Test
	void theLaneIsReadFromTheDocument() {
		ParserOptions options = ParserOptions.getDefaultOperationParserOptions();
		assertThat(AdmissionInterceptor.lane("{ org(id: \"o-v-xz\") { name } }", null, options))
			.isEqualTo(Admission.Lane.READ);
		assertThat(AdmissionInterceptor.lane("mutation { renameOrg(id: \"o\", name: \"n\") { org { id } } }", null,
				options))
			.isEqualTo(Admission.Lane.WRITE);
		assertThat(AdmissionInterceptor.lane("mutation A { applyScenario(name: \"s\") { refusal } }", null, options))
			.isEqualTo(Admission.Lane.APPLY);
		assertThat(AdmissionInterceptor.lane("mutation($j: String!) { x: importDataset(json: $j) { dataset } }", null,
				options))
			.isEqualTo(Admission.Lane.APPLY);
		// The operation named, of several.
		String two = "query Q { org(id: \"o\") { id } } mutation M { applyScenario(name: \"s\") { refusal } }";
		assertThat(AdmissionInterceptor.lane(two, "M", options)).isEqualTo(Admission.Lane.APPLY);
		assertThat(AdmissionInterceptor.lane(two, "Q", options)).isEqualTo(Admission.Lane.READ);
		// None named of two, or not GraphQL at all: a read (execution refuses it).
		assertThat(AdmissionInterceptor.lane(two, null, options)).isEqualTo(Admission.Lane.READ);
		assertThat(AdmissionInterceptor.lane("mutation {", null, options)).isEqualTo(Admission.Lane.READ);
	}

	@Test
	void badSettingsAreRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new Admission(0, LONG))
			.withMessageContaining("slots");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new Admission(1, Duration.ZERO))
			.withMessageContaining("wait");
	}

	private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > until) {
				throw new AssertionError("not reached within 10 s");
			}
			Thread.sleep(5);
		}
	}

}
