package org.partygraph.api.limits;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many GraphQL requests run at once ({@code party-graph.limits.concurrent-requests}), and in
 * which order the others go in: a request that finds every slot taken waits, applies and imports
 * first, then the other changes, then reads, each lane in the order they came; one that waits longer
 * than {@code party-graph.limits.queue-wait} is turned away ({@link Busy}) having done nothing.
 * <p>
 * Why: on a machine of a few cores, fifty requests running at once do not finish sooner than a few
 * at a time; each is slowed by all the others, and a scenario's apply, which holds its county's
 * locks while it runs, is slowed the most and holds up every change waiting on those locks
 * (docs/benchmarks.md, "Applying a scenario"). A waiting request holds no database lock (it has not
 * begun), so the order cannot deadlock.
 */
public final class Admission {

	/** The lanes, first served first. */
	public enum Lane {

		/** {@code applyScenario} and {@code importDataset}: they lock a county while they run. */
		APPLY,

		/** Every other mutation. */
		WRITE,

		/** Queries. */
		READ

	}

	/** A request turned away: every slot stayed taken for the whole wait. */
	public static final class Busy extends RuntimeException {

		private final int running;

		private final int waiting;

		Busy(int running, int waiting) {
			super("every slot stayed taken");
			this.running = running;
			this.waiting = waiting;
		}

		/** The requests running when it was turned away. */
		public int running() {
			return this.running;
		}

		/** The other requests waiting then. */
		public int waiting() {
			return this.waiting;
		}

	}

	private record Waiter(Lane lane, long order) implements Comparable<Waiter> {

		@Override
		public int compareTo(Waiter other) {
			int byLane = this.lane.compareTo(other.lane);
			return (byLane != 0) ? byLane : Long.compare(this.order, other.order);
		}

	}

	private final int slots;

	private final Duration wait;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private final PriorityQueue<Waiter> queue = new PriorityQueue<>();

	private int running;

	private long arrivals;

	/**
	 * @param slots the most requests running at once; at least 1
	 * @param wait the longest a request waits for a slot; positive
	 */
	public Admission(int slots, Duration wait) {
		if (slots < 1) {
			throw new IllegalArgumentException("slots must be at least 1, was " + slots);
		}
		if (wait.isNegative() || wait.isZero()) {
			throw new IllegalArgumentException("wait must be positive, was " + wait);
		}
		this.slots = slots;
		this.wait = wait;
	}

	/**
	 * Takes a slot, waiting behind the requests of earlier lanes and earlier arrivals of its own;
	 * every {@code enter} that returns must be followed by one {@link #leave()}.
	 * @throws Busy when no slot came within the wait (nothing taken)
	 */
	public void enter(Lane lane) {
		this.lock.lock();
		try {
			Waiter me = new Waiter(lane, this.arrivals++);
			if (this.queue.isEmpty() && this.running < this.slots) {
				this.running++;
				return;
			}
			this.queue.add(me);
			long left = this.wait.toNanos();
			try {
				while (this.queue.peek() != me || this.running >= this.slots) {
					if (left <= 0) {
						this.queue.remove(me);
						this.changed.signalAll(); // the one behind may be first now
						throw new Busy(this.running, this.queue.size());
					}
					left = this.changed.awaitNanos(left);
				}
			}
			catch (InterruptedException ex) {
				this.queue.remove(me);
				this.changed.signalAll();
				Thread.currentThread().interrupt();
				throw new Busy(this.running, this.queue.size());
			}
			this.queue.poll();
			this.running++;
			if (this.running < this.slots && !this.queue.isEmpty()) {
				this.changed.signalAll(); // another slot is free for the next one
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Gives a slot back. */
	public void leave() {
		this.lock.lock();
		try {
			if (this.running <= 0) {
				throw new IllegalStateException("leave without enter");
			}
			this.running--;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The requests running now. */
	public int running() {
		this.lock.lock();
		try {
			return this.running;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The requests waiting now. */
	public int waiting() {
		this.lock.lock();
		try {
			return this.queue.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The wait in whole seconds, for messages. */
	long waitSeconds() {
		return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(this.wait.toNanos()));
	}

}
