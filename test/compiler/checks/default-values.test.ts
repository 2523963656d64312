import { describe, expect, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("default values (EV3004-EV3008)", () => {
  it("accepts defaults of every type", () => {
    const d = diagnose(`namespace shop
enum Currency { EUR, USD }
type T {
  s: string = "x"
  i: int = -2147483648
  l: long = 9223372036854775807
  f: float = 1.5
  g: float = 2
  d: decimal = "19.90"
  e: decimal = 3
  b: bool = true
  u: uuid = "123e4567-e89b-12d3-a456-426614174000"
  t: timestamp = "2024-01-31T12:00:00Z"
  day: date = "2024-02-29"
  bin: bytes = "aGk="
  c: Currency = USD
  xs: list<int> = []
  ys: list<string> = ["a", "b"]
  m: map<string, int> = {}
}
`);
    expectCodes(d, []);
  });

  it("reports a default of the wrong kind (EV3004)", () => {
    const d = diagnose(`namespace shop
type T {
  a: int = "3"
  b: list<int> = {}
  c: bool = 1
}
`);
    expectDiagnostic(d, "EV3004", 3, 12, 'The default of field "a" must be a whole number, but the string "3" is given.');
    expectDiagnostic(d, "EV3004", 4, 18, 'The default of field "b" must be a list such as [], but {} is given.');
    expectDiagnostic(d, "EV3004", 5, 13, 'The default of field "c" must be true or false, but the number 1 is given.');
    expectCodes(d, ["EV3004", "EV3004", "EV3004"]);
  });

  it("reports an enum default that names no member, with a suggestion (EV3005)", () => {
    const d = diagnose("namespace shop\nenum Currency { EUR, USD }\ntype T { c: Currency = EURO }\n");
    expectDiagnostic(d, "EV3005", 3, 24, '"EURO" is not a member of enum "Currency". Did you mean "EUR"?');
  });

  it("reports numbers out of the 32-bit and 64-bit ranges (EV3006)", () => {
    const d = diagnose(`namespace shop
type T {
  i: int = 2147483648
  l: long = -9223372036854775809
}
`);
    expectDiagnostic(d, "EV3006", 3, 12, 'The default 2147483648 is out of range for "int" (-2147483648 to 2147483647).');
    expectDiagnostic(d, "EV3006", 4, 13, 'out of range for "long" (-9223372036854775808 to 9223372036854775807)');
  });

  it("reports strings in the wrong format (EV3007)", () => {
    const d = diagnose(`namespace shop
type T {
  d: decimal = "1e5"
  u: uuid = "not-a-uuid"
  t: timestamp = "2024-01-31 12:00"
  day: date = "2023-02-29"
}
`);
    expectDiagnostic(d, "EV3007", 3, 16, 'The default "1e5" is not a valid decimal: expected a decimal number such as "19.90"');
    expectDiagnostic(d, "EV3007", 4, 13, 'is not a valid uuid');
    expectDiagnostic(d, "EV3007", 5, 18, "is not a valid timestamp: expected an RFC 3339 timestamp with offset");
    expectDiagnostic(d, "EV3007", 6, 15, 'The default "2023-02-29" is not a valid date');
  });

  it("reports a default on a record field, suggesting an optional field (EV3008)", () => {
    const d = diagnose("namespace shop\ntype Money { a: int }\ntype T { m: Money = {} }\n");
    const diagnostic = expectDiagnostic(d, "EV3008", 3, 21, 'The field "m" has type "Money", a record; record fields cannot have a default.');
    expect(diagnostic.hint).toBe("Write `m?: Money` to make it optional instead.");
  });
});
