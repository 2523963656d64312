/**
 * A two-namespace spec for the exporters and the docs site: an aggregate on a topic of another
 * namespace, records and enums from the other namespace, several versions, a projection, and docs
 * with markup and comment terminators that must come out as text.
 */
export const CROSS_NAMESPACE_SPEC: Readonly<Record<string, string>> = {
  "billing.events": `/// Billing: <b>invoices</b> & "quotes".
namespace acme.billing
import "./common.events"

topic ledger { partitions 6 }

/// Invoices <script>alert("boom")</script> end with */ and 'quotes' & \${x}.
aggregate Invoice in ledger {
  key invoiceId: long
  event InvoiceIssued v1 { total: acme.common.Money }
  /// v2 adds lines.
  event InvoiceIssued v2 creates {
    total: acme.common.Money
    lines: list<acme.common.Line> @minItems(1)
    meta: map<string, string> = {}
  }
  event InvoiceAnnotated { note: string @maxLength(200) }
  event InvoicePaid after InvoiceIssued ends {
    paidAt: timestamp
    method: acme.common.Method = CARD
  }
}

/// Total revenue across all invoices.
projection Revenue {
  on InvoiceIssued, InvoicePaid
  state { total: decimal = "0" }
}

aggregate Payer in acme.common.people {
  key payerId: string
  event PayerAdded creates { customer: uuid }
}

projection PayerInvoices per Payer {
  on Payer
  state { count: int = 0 }
}
`,
  "common.events": `namespace acme.common
enum Method { CARD, TRANSFER }
type Money {
  amount: decimal
  currency: string @pattern("^[A-Z]{3}$")
}
type Line {
  sku: string
  qty: int @min(1)
  price: Money
}
topic people { partitions 2 }
aggregate Customer in people {
  key id: uuid
  event Registered creates { name: string }
}
`,
};
