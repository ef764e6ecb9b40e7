package org.partygraph.queries.read;

import java.time.LocalDate;

import org.partygraph.model.DevelopmentRecordKind;

/** One dated record (記實) of a candidate's development. */
public record DevelopmentRecordRow(DevelopmentRecordKind kind, LocalDate on, String note) {
}
