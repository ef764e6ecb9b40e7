package org.partygraph.bench;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.partygraph.bench.WriteLedger.ObservedMember;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class WriteLedgerTests {

	private static ObservedMember member(String id, String org, String... transfers) {
		return new ObservedMember(id, org, List.of(transfers));
	}

	private static WriteLedger twoMembersOneTransfer() {
		WriteLedger ledger = new WriteLedger();
		ledger.addAcknowledged("a", "o-1");
		ledger.addAcknowledged("b", "o-2");
		ledger.transferAcknowledged("b", "t-1", "o-3");
		ledger.renameAcknowledged("o-9", "first");
		ledger.renameAcknowledged("o-9", "second");
		return ledger;
	}

	@Test
	void everythingAsAcknowledged() {
		WriteLedger ledger = twoMembersOneTransfer();
		assertThat(ledger.verify(List.of(member("a", "o-1"), member("b", "o-3", "t-1")), Map.of("o-9", "second")))
			.isEmpty();
		assertThat(ledger.acknowledgedAdds()).isEqualTo(2);
		assertThat(ledger.acknowledgedTransfers()).isEqualTo(1);
		assertThat(ledger.acknowledgedRenames()).isEqualTo(1);
		assertThat(ledger.expectedOrg("b")).isEqualTo("o-3");
	}

	@Test
	void lostAdd() {
		assertThat(twoMembersOneTransfer().verify(List.of(member("b", "o-3", "t-1")), Map.of("o-9", "second")))
			.containsExactly("lost: acknowledged addMember a does not exist");
	}

	@Test
	void duplicatedAdd() {
		assertThat(twoMembersOneTransfer().verify(
				List.of(member("a", "o-1"), member("a", "o-1"), member("b", "o-3", "t-1")), Map.of("o-9", "second")))
			.containsExactly("duplicated: a exists 2 times");
	}

	@Test
	void unacknowledgedOrRefusedWrite() {
		WriteLedger ledger = twoMembersOneTransfer();
		ledger.addRefused("r");
		assertThat(ledger.verify(
				List.of(member("a", "o-1"), member("b", "o-3", "t-1"), member("r", "o-1"), member("x", "o-1")),
				Map.of("o-9", "second")))
			.containsExactly("refused but written: r", "unacknowledged but written: x");
	}

	@Test
	void anAddOfUnknownOutcomeMayExistOnceOrNot() {
		WriteLedger ledger = twoMembersOneTransfer();
		ledger.addUnknown("u");
		List<ObservedMember> base = List.of(member("a", "o-1"), member("b", "o-3", "t-1"));
		assertThat(ledger.verify(base, Map.of("o-9", "second"))).isEmpty();
		assertThat(ledger.verify(List.of(base.get(0), base.get(1), member("u", "o-1")), Map.of("o-9", "second")))
			.isEmpty();
		assertThat(ledger.verify(List.of(base.get(0), base.get(1), member("u", "o-1"), member("u", "o-1")),
				Map.of("o-9", "second")))
			.containsExactly("duplicated: u exists 2 times");
	}

	@Test
	void lostDuplicatedOrForeignTransfer() {
		WriteLedger ledger = twoMembersOneTransfer();
		// the transfer was acknowledged but the member never moved and has no history
		assertThat(ledger.verify(List.of(member("a", "o-1"), member("b", "o-2")), Map.of("o-9", "second")))
			.containsExactly("misplaced: b is in o-2, last acknowledged in o-3",
					"transfer history of b: 0 entries [], acknowledged 1 [t-1]");
		// recorded twice
		assertThat(ledger.verify(List.of(member("a", "o-1"), member("b", "o-3", "t-1", "t-1")), Map.of("o-9", "second")))
			.containsExactly("transfer history of b: 2 entries [t-1, t-1], acknowledged 1 [t-1]");
		// an extra transfer nobody acknowledged, on a member that had none
		assertThat(ledger.verify(List.of(member("a", "o-1", "t-x"), member("b", "o-3", "t-1")), Map.of("o-9", "second")))
			.containsExactly("transfer history of a: 1 entries [t-x], acknowledged 0 []");
	}

	@Test
	void aTransferOfUnknownOutcomeOnlyRequiresTheAcknowledgedOnes() {
		WriteLedger ledger = twoMembersOneTransfer();
		ledger.transferUnknown("b");
		assertThat(ledger.verify(List.of(member("a", "o-1"), member("b", "o-5", "t-1", "t-2")), Map.of("o-9", "second")))
			.isEmpty();
		assertThat(ledger.verify(List.of(member("a", "o-1"), member("b", "o-5", "t-2")), Map.of("o-9", "second")))
			.containsExactly("lost transfer: b history [t-2] lacks some of [t-1]");
	}

	@Test
	void lostRename() {
		WriteLedger ledger = twoMembersOneTransfer();
		assertThat(ledger.verify(List.of(member("a", "o-1"), member("b", "o-3", "t-1")), Map.of("o-9", "first")))
			.containsExactly("rename lost: o-9 is named 'first', last acknowledged 'second'");
		ledger.renameUnknown("o-9", "third");
		assertThat(ledger.verify(List.of(member("a", "o-1"), member("b", "o-3", "t-1")), Map.of("o-9", "third")))
			.isEmpty();
	}

	@Test
	void theDriverItselfMayNotAddTwiceOrTransferStrangers() {
		WriteLedger ledger = twoMembersOneTransfer();
		assertThatIllegalStateException().isThrownBy(() -> ledger.addAcknowledged("a", "o-1"));
		assertThatIllegalStateException().isThrownBy(() -> ledger.transferAcknowledged("zz", "t", "o-1"));
	}

	@Test
	void concurrentClientsBookkeeping() throws InterruptedException {
		WriteLedger ledger = new WriteLedger();
		Thread[] threads = new Thread[8];
		for (int c = 0; c < threads.length; c++) {
			int client = c;
			threads[c] = new Thread(() -> {
				for (int i = 0; i < 500; i++) {
					String id = "c" + client + "-" + i;
					ledger.addAcknowledged(id, "o-1");
					ledger.transferAcknowledged(id, "t-" + id, "o-2");
				}
			});
			threads[c].start();
		}
		for (Thread t : threads) {
			t.join();
		}
		assertThat(ledger.acknowledgedAdds()).isEqualTo(4000);
		assertThat(ledger.acknowledgedTransfers()).isEqualTo(4000);
	}

}
