package org.partygraph.queries.dataset.bulk;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.partygraph.queries.dataset.ImportProgress;

/**
 * Write transactions run {@code writers} at a time on their own threads, so that reading and
 * the database use every core; at most {@code writers + 1} batches are held. Closing waits for
 * every batch and throws the first failure.
 */
final class BatchWriters implements AutoCloseable {

private final Driver driver;


	private final ExecutorService pool;

	private final Semaphore inFlight;

	private final AtomicLong written;

	private final AtomicReference<Throwable> failure = new AtomicReference<>();

	private final String dataset;

	private final LongSupplier total;

	private final ImportProgress progress;

	/**
	 * @param writers how many batches are written at the same time
	 * @param total the entities the whole import writes, as far as known (an estimate while the
	 * file is still being read)
	 */
	BatchWriters(Driver driver, int writers, String dataset, LongSupplier total, long done, ImportProgress progress) {
		this.driver = driver;
		this.dataset = dataset;
		this.total = total;
		this.progress = progress;
		this.written = new AtomicLong(done);
		this.inFlight = new Semaphore(writers + 1);
		this.pool = Executors.newFixedThreadPool(writers, (task) -> {
			Thread thread = new Thread(task, "bulk-import-writer");
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Writes one batch; throws {@link BatchFailed} once any batch has failed. */
	void submit(String cypher, List<Map<String, Object>> rows, long entities, String step) {
		this.inFlight.acquireUninterruptibly();
		if (this.failure.get() != null) {
			this.inFlight.release();
			throw new BatchFailed();
		}
		Map<String, Object> parameters = Map.of("rows", rows, "dataset", this.dataset);
		this.pool.execute(() -> {
			try (Session session = this.driver.session()) {
				session.executeWriteWithoutResult((tx) -> tx.run(cypher, parameters));
				long total = this.written.addAndGet(entities);
				synchronized (this.progress) {
					this.progress.progress(step, total, Math.max(total, this.total.getAsLong()));
				}
			}
			catch (Throwable ex) {
				this.failure.compareAndSet(null, ex);
			}
			finally {
				this.inFlight.release();
			}
		});
	}

	@Override
	public void close() {
		this.pool.shutdown();
		try {
			this.pool.awaitTermination(1, TimeUnit.DAYS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.pool.shutdownNow();
			throw new IllegalStateException("interrupted while writing", ex);
		}
		Throwable failed = this.failure.get();
		if (failed instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failed instanceof Error error) {
			throw error;
		}
		if (failed != null) {
			throw new IllegalStateException("writing failed", failed);
		}
	}

}
