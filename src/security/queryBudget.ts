/**
 * How much one API caller's query may ask of the database. Past SQLite's own limits each was a 500:
 * 32,766 bound values, an expression 1,000 deep (3,000 `and` clauses), 64 tables in one join (each
 * condition through a relationship joins tables of its own), and the terms of an ORDER BY. No
 * frontend, and not the admin panel, comes near these. Server code (overrideAccess) is not counted.
 */
export const QUERY_LIMITS = { conditions: 100, throughRelations: 10, values: 5_000, sortFields: 10 }

export class QueryBudget {
  private conditions = 0
  private throughRelations = 0
  private values = 0

  /** `enforced`: a client's query; not server code, nor the finds Payload makes to populate an answer. */
  constructor(readonly enforced: boolean) {}

  /** Counts one condition (a field and an operator) comparing with `values` values; the problem once over a limit. */
  condition(values: number, throughRelation: boolean): string | undefined {
    if (!this.enforced) return undefined
    this.conditions += 1
    this.values += values
    if (throughRelation) this.throughRelations += 1
    if (this.conditions > QUERY_LIMITS.conditions) return `the query has more than ${QUERY_LIMITS.conditions} conditions; ask in several requests.`
    if (this.throughRelations > QUERY_LIMITS.throughRelations) return `more than ${QUERY_LIMITS.throughRelations} conditions go through a relationship; ask in several requests.`
    if (this.values > QUERY_LIMITS.values) return `the query compares with more than ${QUERY_LIMITS.values} values in all; ask in several requests.`
    return undefined
  }

  /** The problem with a sort of `fields` fields, or undefined. */
  sort(fields: number): string | undefined {
    return this.enforced && fields > QUERY_LIMITS.sortFields ? `at most ${QUERY_LIMITS.sortFields} fields.` : undefined
  }
}
