import { describe, expect, it } from "vitest";
import { didYouMean, editDistance, suggestName } from "../../../compiler/diagnostics/suggest.js";

describe("did-you-mean suggestions", () => {
  it("counts an adjacent transposition as one edit", () => {
    expect(editDistance("Mony", "Money")).toBe(1);
    expect(editDistance("Mnoey", "Money")).toBe(1);
    expect(editDistance("abc", "abc")).toBe(0);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("suggests the closest name within a third of the length", () => {
    expect(suggestName("Mony", ["Order", "Money", "Item"])).toBe("Money");
    expect(suggestName("OrderPlacd", ["OrderPaid", "OrderPlaced"])).toBe("OrderPlaced");
    expect(suggestName("Xyz", ["Money", "Order"])).toBeUndefined();
  });

  it("prefers a name that differs only in case", () => {
    expect(suggestName("money", ["Mone", "Money"])).toBe("Money");
  });

  it("never suggests the name itself", () => {
    expect(suggestName("Money", ["Money"])).toBeUndefined();
  });

  it("formats the message suffix", () => {
    expect(didYouMean("strng", ["string", "int"])).toBe(' Did you mean "string"?');
    expect(didYouMean("zzz", ["string"])).toBe("");
  });
});
