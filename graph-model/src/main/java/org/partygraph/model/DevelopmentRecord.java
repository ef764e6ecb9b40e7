package org.partygraph.model;

import java.time.LocalDate;

/**
 * One dated record (記實) of a candidate's development ({@code candidates[].records[]} of the dataset).
 *
 * @param kind which of the nine record forms
 * @param on the day of the step
 * @param note free text, or {@code null}
 */
public record DevelopmentRecord(DevelopmentRecordKind kind, LocalDate on, String note) {

}
