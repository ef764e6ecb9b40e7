package org.partygraph.seed;

import java.util.List;

import org.partygraph.model.Trade;

/** Chinese names, id codes and rural frequencies of the trades trade branches group members by. */
final class Trades {

	/** Trades of village members, as often as they are met in a farming county. */
	private static final List<Trade> RURAL = List.of(Trade.PLANTING, Trade.PLANTING, Trade.PLANTING, Trade.PLANTING,
			Trade.BREEDING, Trade.BREEDING, Trade.BREEDING, Trade.TRANSPORT, Trade.COMMERCE, Trade.PROCESSING);

	private Trades() {
	}

	static List<Trade> rural() {
		return RURAL;
	}

	/** The suffix of a trade branch's id, as in {@code o-v-xz-breed}. */
	static String code(Trade trade) {
		return switch (trade) {
			case PLANTING -> "plant";
			case BREEDING -> "breed";
			case PROCESSING -> "proc";
			case TRANSPORT -> "trans";
			case COMMERCE -> "comm";
		};
	}

}
