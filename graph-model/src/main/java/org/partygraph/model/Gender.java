package org.partygraph.model;

/** Gender as recorded in the dataset. */
public enum Gender {

	M, F

}
