import { toCsv } from '../utilities/csv'
import type { Instrument, Matrix } from './matrix'

/** One cell: each instrument as "Title (§ section) [partial] {verification: current}", separated by " | ". */
const describe = (instruments: Instrument[]) =>
  instruments
    .map((i) => `${i.title ?? i.slug ?? i.id}${i.section ? ` (${i.section})` : ''}${i.extent === 'partial' ? ' [partial]' : ''} {verification: ${i.verification.status}}`)
    .join(' | ')

/** The compare matrix as a spreadsheet: a row per provision, a column per jurisdiction (the model first). */
export function matrixCsv(matrix: Matrix): string {
  const header = ['provision', 'key', ...(matrix.model ? [`model: ${matrix.model.title ?? matrix.model.slug}`] : []), ...matrix.jurisdictions.map((j) => `${j.name} (${j.code})`)]
  const rows = matrix.provisions.map((p) => [p.name, p.key, ...(matrix.model ? [describe(p.model ?? [])] : []), ...matrix.jurisdictions.map((j) => describe(p.cells[j.code] ?? []))])
  return toCsv([header, ...rows])
}
