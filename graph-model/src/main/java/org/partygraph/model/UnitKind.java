package org.partygraph.model;

/** Kinds of economic or territorial unit that party organizations are set up in. */
public enum UnitKind {

	/** 縣. */
	COUNTY,
	/** 鄉鎮. */
	TOWNSHIP,
	/** 村. */
	VILLAGE,
	/** 企業; a 龍頭企業 when {@code leading}. */
	ENTERPRISE,
	/** 生產基地, supplying an enterprise. */
	PRODUCTION_BASE,
	/** 產業, e.g. 羊產業. */
	INDUSTRY,
	/** 園區. */
	PARK,
	/** 農民合作社. */
	COOPERATIVE

}
