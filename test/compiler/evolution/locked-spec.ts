/** The spec the breaking-change tests lock and then edit. Line numbers in those tests refer to it. */
export const LOCKED = `namespace shop

enum Currency { EUR, USD, GBP }

type Money {
  amount: decimal
  currency: Currency = EUR
}

topic catalog {
  partitions 4
}

topic orders {
  partitions 8
}

aggregate Item in catalog {
  key sku: string

  event ItemListed creates {
    title: string @maxLength(200)
    price: Money
    tags: list<string> = [] @maxItems(10)
  }

  event ItemRepriced after ItemListed, ItemRepriced {
    price: Money
    reason?: string
    discount?: int @min(0) @max(100)
  }

  event ItemDelisted after ItemListed, ItemRepriced ends {
    reason: string @pattern("^[a-z ]+$")
  }
}

aggregate Order in orders {
  key orderId: uuid

  event OrderPlaced creates {
    lines: list<string> @minItems(1)
    note?: string @minLength(1)
  }
}
`;
