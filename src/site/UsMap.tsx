/**
 * The US map: a tile grid (one square per state, DC and Puerto Rico, roughly where it lies),
 * drawn as inline SVG by the server: no tiles, no fonts, nothing from another host. Each tile
 * is a link to the state's page, named (its <title>) by its name and status; colour is never the only cue:
 * the legend and the table beside it say the same in words.
 */
import { href, stringsFor } from './labels'
import type { Lang, MapEntry } from './reads'

const GRID = [
  'AK .. .. .. .. .. .. .. .. .. .. ME',
  '.. .. .. .. .. .. .. .. .. .. VT NH',
  '.. WA ID MT ND MN IL WI MI NY RI MA',
  '.. OR NV WY SD IA IN OH PA NJ CT ..',
  '.. CA UT CO NE MO KY WV VA MD DE ..',
  '.. .. AZ NM KS AR TN NC SC DC .. ..',
  '.. .. .. .. OK LA MS AL GA .. .. ..',
  'HI .. .. .. TX .. .. .. .. FL .. PR',
]
const TILES = GRID.flatMap((row, y) => row.split(' ').flatMap((code, x) => (code === '..' ? [] : [{ code: `US-${code}`, abbr: code, x, y }])))

/** Fills light enough for black text (contrast over 4.5:1), from strongest protection to none. */
export const STATUS_COLOURS: Record<string, string> = {
  statute: '#4caf50',
  'court-rule': '#8bc34a',
  'executive-order': '#cddc39',
  'attorney-general-guidance': '#ffeb3b',
  'local-policy': '#ffc107',
  'campaign-active': '#ff9800',
  'none-known': '#ef9a9a',
  unknown: '#e0e0e0',
}

const SIZE = 44
const GAP = 4

export function UsMap({ lang, entries }: { lang: Lang; entries: MapEntry[] }) {
  const t = stringsFor(lang)
  const byCode = new Map(entries.map((e) => [e.code, e]))
  const statuses = Object.keys(STATUS_COLOURS)
  return (
    <div className="map">
      <figure className="map-figure">
        <svg viewBox={`0 0 ${12 * (SIZE + GAP)} ${8 * (SIZE + GAP)}`} role="group" aria-labelledby="map-caption" className="map-svg">
          {TILES.map(({ code, abbr, x, y }) => {
            const entry = byCode.get(code)
            const status = entry?.protectionStatus ?? 'unknown'
            const name = entry?.name ?? abbr
            const tile = (
              <>
                <rect x={x * (SIZE + GAP)} y={y * (SIZE + GAP)} width={SIZE} height={SIZE} rx={4} fill={STATUS_COLOURS[status] ?? STATUS_COLOURS.unknown} />
                <text x={x * (SIZE + GAP) + SIZE / 2} y={y * (SIZE + GAP) + SIZE / 2 + 5} textAnchor="middle" aria-hidden="true">
                  {abbr}
                </text>
              </>
            )
            if (!entry) return <g key={code}>{tile}</g>
            return (
              <a key={code} href={href(lang, `/jurisdictions/${code}`)}>
                <title>{`${name}: ${t.status[status] ?? status}`}</title>
                {tile}
              </a>
            )
          })}
        </svg>
        <figcaption id="map-caption">{t.map.caption}</figcaption>
      </figure>
      <div className="map-side">
        <h3>{t.map.legend}</h3>
        <ul className="legend">
          {statuses.map((status) => (
            <li key={status}>
              <span className="swatch" data-status={status} aria-hidden="true" />
              {t.status[status]}
            </li>
          ))}
        </ul>
        <details open>
          <summary>{t.map.state} / {t.map.status}</summary>
          <table>
            <caption className="visually-hidden">{t.map.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.map.state}</th>
                <th scope="col">{t.map.status}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.code}>
                  <th scope="row">
                    <a href={href(lang, `/jurisdictions/${entry.code}`)}>{entry.name}</a>
                  </th>
                  <td>{t.status[entry.protectionStatus] ?? entry.protectionStatus}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </div>
    </div>
  )
}
