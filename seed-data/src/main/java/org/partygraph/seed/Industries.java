package org.partygraph.seed;

import java.util.List;
import java.util.Map;

import org.partygraph.model.Trade;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;

/** The INDUSTRY units of the sample county and what each means for names and trades. */
final class Industries {

	static final String SHEEP = HuairenCounty.SHEEP_INDUSTRY;

	static final String DAIRY = "u-i-dairy";

	static final String VEGETABLES = "u-i-veg";

	static final String GRAINS = "u-i-grain";

	static final List<Unit> ALL = List.of(Unit.of(SHEEP, UnitKind.INDUSTRY, "羊產業", null),
			Unit.of(DAIRY, UnitKind.INDUSTRY, "奶牛產業", null), Unit.of(VEGETABLES, UnitKind.INDUSTRY, "蔬菜產業", null),
			Unit.of(GRAINS, UnitKind.INDUSTRY, "雜糧產業", null));

	/** What cooperatives and bases of each industry call themselves (肉羊養殖專業合作社...). */
	private static final Map<String, List<String>> PRODUCTS = Map.of(
			SHEEP, List.of("肉羊養殖", "羔羊育肥", "種羊繁育", "綿羊養殖", "小尾寒羊養殖", "肉羊產銷", "養羊"),
			DAIRY, List.of("奶牛養殖", "奶牛", "鮮奶收購", "乳品產銷", "奶牛繁育"),
			VEGETABLES, List.of("蔬菜種植", "設施蔬菜", "果蔬產銷", "大棚蔬菜", "馬鈴薯種植", "食用菌", "番茄種植"),
			GRAINS, List.of("雜糧種植", "玉米種植", "穀子種植", "糧食產銷", "農機服務", "土地股份"));

	/** The stages of each industry's chain, one industry-chain party group (產業鏈黨小組) each. */
	private static final Map<String, List<String>> CHAIN_STAGES = Map.of(SHEEP, List.of("繁育", "育肥", "銷售"),
			DAIRY, List.of("養殖", "收奶", "銷售"), VEGETABLES, List.of("種植", "加工", "銷售"), GRAINS,
			List.of("種植", "農機", "銷售"));

	private Industries() {
	}

	static List<String> products(String industry) {
		return PRODUCTS.get(industry);
	}

	static List<String> chainStages(String industry) {
		return CHAIN_STAGES.get(industry);
	}

	/** The trade of those who produce for the industry: breeding livestock or planting crops. */
	static Trade trade(String industry) {
		return (SHEEP.equals(industry) || DAIRY.equals(industry)) ? Trade.BREEDING : Trade.PLANTING;
	}

	/** What a production base of the industry does, as in 下寨肉羊養殖基地. */
	static String baseKind(String industry) {
		return switch (industry) {
			case SHEEP -> "肉羊養殖基地";
			case DAIRY -> "奶牛養殖基地";
			case VEGETABLES -> "蔬菜種植基地";
			default -> "雜糧種植基地";
		};
	}

}
