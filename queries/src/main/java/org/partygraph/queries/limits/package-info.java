/**
 * Time limits on database work: a timeout on every transaction ({@link TimeLimitedDriver}) and a
 * time budget around a whole what-if ({@link TimeBudget}).
 */
package org.partygraph.queries.limits;
