/**
 * The catalogue of what a courthouse protection can contain, and which seeded instruments provide
 * which provision. Mapped only where ../shared/reference/toolkit-facts.md ("Courthouse protections
 * by jurisdiction") says so; a section only where the facts give one, and no quotes (the facts
 * paraphrase: a quote must be the text itself). Leave a provision unmapped rather than guess.
 */
type Text = { en: string; es: string }
export type SeedProvision = { key: string; order: number; name: Text; description: Text }

export const provisions: SeedProvision[] = [
  {
    key: 'no-arrest-in-courthouse',
    order: 10,
    name: { en: 'No civil arrest in the courthouse', es: 'Sin arrestos civiles dentro del tribunal' },
    description: {
      en: 'Immigration officers may not make civil arrests inside court buildings.',
      es: 'Los agentes de inmigración no pueden hacer arrestos civiles dentro de los edificios de los tribunales.',
    },
  },
  {
    key: 'no-arrest-going-to-or-from-court',
    order: 20,
    name: { en: 'No civil arrest on the way to or from court', es: 'Sin arrestos civiles al ir o volver del tribunal' },
    description: {
      en: 'The protection covers people while they travel to court and return from it, not only inside the building.',
      es: 'La protección cubre a las personas mientras van al tribunal y regresan, no solo dentro del edificio.',
    },
  },
  {
    key: 'courthouse-grounds',
    order: 30,
    name: { en: 'Courthouse grounds and surroundings covered', es: 'Cubre los alrededores del tribunal' },
    description: {
      en: 'Entryways, sidewalks, parking, or a set distance around the courthouse are covered too.',
      es: 'También cubre entradas, aceras, estacionamientos o una distancia fija alrededor del tribunal.',
    },
  },
  {
    key: 'judicial-warrant-required',
    order: 40,
    name: { en: 'A judicial warrant or court order is required', es: 'Se requiere una orden judicial' },
    description: {
      en: 'An arrest needs a warrant or order signed by a judge; an administrative (ICE) warrant is not enough.',
      es: 'Un arresto necesita una orden firmada por un juez; una orden administrativa de ICE no basta.',
    },
  },
  {
    key: 'everyone-with-business-at-court',
    order: 50,
    name: { en: 'Everyone with business at court is protected', es: 'Protege a todas las personas con asuntos en el tribunal' },
    description: {
      en: 'Parties, witnesses, family members and anyone accompanying them or with legal business at court, not only defendants.',
      es: 'Partes, testigos, familiares y quienes los acompañan o tienen asuntos legales en el tribunal, no solo las personas acusadas.',
    },
  },
  {
    key: 'officers-identify-and-notify-court',
    order: 60,
    name: { en: 'Officers identify themselves and the court is told', es: 'Los agentes se identifican y se avisa al tribunal' },
    description: {
      en: 'Immigration officers must identify themselves, and court security or staff inform the judge before any action.',
      es: 'Los agentes de inmigración deben identificarse, y la seguridad o el personal del tribunal informan al juez antes de cualquier acción.',
    },
  },
  {
    key: 'court-staff-do-not-assist',
    order: 70,
    name: { en: 'Court staff do not assist immigration enforcement', es: 'El personal del tribunal no colabora con el control migratorio' },
    description: {
      en: 'Court employees do not help immigration officers make arrests or share information with them for that purpose.',
      es: 'El personal del tribunal no ayuda a los agentes de inmigración a arrestar ni les da información con ese fin.',
    },
  },
  {
    key: 'no-holds-on-civil-detainers',
    order: 80,
    name: { en: 'No holds on civil immigration detainers', es: 'Sin retenciones por solicitudes civiles de ICE' },
    description: {
      en: 'Court officers may not keep a person in custody only because immigration authorities asked for it (a civil detainer).',
      es: 'Los funcionarios del tribunal no pueden retener a una persona solo porque las autoridades de inmigración lo pidieron.',
    },
  },
  {
    key: 'private-right-of-action',
    order: 90,
    name: { en: 'People can sue: a private right of action or damages', es: 'Derecho a demandar o a una indemnización' },
    description: {
      en: 'A person arrested in violation can go to court for damages or other relief.',
      es: 'Una persona arrestada en violación de la norma puede demandar para obtener una indemnización u otra reparación.',
    },
  },
  {
    key: 'attorney-general-enforcement',
    order: 100,
    name: { en: 'The attorney general can enforce it', es: 'La fiscalía general puede hacerla cumplir' },
    description: {
      en: 'The state attorney general can bring an action to enforce the protection.',
      es: 'La fiscalía general del estado puede presentar una acción para hacer cumplir la protección.',
    },
  },
]

type Provided = { provision: string; extent?: 'full' | 'partial'; section?: string }

/** By resource slug: what each seeded instrument provides. The model law is marked in resources.ts. */
export const provisionsProvided: Record<string, Provided[]> = {
  'ny-protect-our-courts-act': [
    { provision: 'no-arrest-in-courthouse', section: 'Civil Rights Law §28' },
    { provision: 'no-arrest-going-to-or-from-court', section: 'Civil Rights Law §28' },
    { provision: 'judicial-warrant-required', section: 'Civil Rights Law §28' },
  ],
  'ny-oca-rule-judicial-warrant-courthouse-arrests': [{ provision: 'no-arrest-in-courthouse' }, { provision: 'judicial-warrant-required' }],
  'wa-rcw-2-28-300-courthouse-civil-arrest': [
    { provision: 'no-arrest-in-courthouse', section: 'RCW 2.28.330' },
    { provision: 'no-arrest-going-to-or-from-court', section: 'RCW 2.28.330' },
    // A court order, with narrow exceptions.
    { provision: 'judicial-warrant-required', section: 'RCW 2.28.330', extent: 'partial' },
  ],
  'co-sb-20-083-protection-from-civil-arrest': [
    { provision: 'no-arrest-in-courthouse', section: 'C.R.S. 13-1-401 to -404' },
    { provision: 'courthouse-grounds', section: 'C.R.S. 13-1-401 to -404' },
    { provision: 'no-arrest-going-to-or-from-court', section: 'C.R.S. 13-1-401 to -404' },
    { provision: 'private-right-of-action', section: 'C.R.S. 13-1-401 to -404' },
    { provision: 'attorney-general-enforcement', section: 'C.R.S. 13-1-401 to -404' },
  ],
  'nj-judiciary-directive-07-19': [
    { provision: 'officers-identify-and-notify-court' },
    // Absent an emergency, arrests only after the proceeding.
    { provision: 'no-arrest-in-courthouse', extent: 'partial' },
  ],
  'or-supreme-court-rule-judicial-warrant': [
    { provision: 'no-arrest-in-courthouse', section: 'UTCR 3.190' },
    { provision: 'courthouse-grounds', section: 'UTCR 3.190' },
    { provision: 'judicial-warrant-required', section: 'UTCR 3.190' },
  ],
  'or-hb-3265-sanctuary-promise-act': [
    { provision: 'no-arrest-in-courthouse', section: 'ch. 550 Or Laws 2021 §5' },
    { provision: 'no-arrest-going-to-or-from-court', section: 'ch. 550 Or Laws 2021 §5' },
    { provision: 'judicial-warrant-required', section: 'ch. 550 Or Laws 2021 §5' },
  ],
  // The facts give no code section for AB 668 ("check before citing").
  'ca-ab-668-courthouse-privilege-from-civil-arrest': [{ provision: 'no-arrest-in-courthouse' }, { provision: 'everyone-with-business-at-court' }],
  'il-court-access-safety-and-participation-act': [
    { provision: 'no-arrest-in-courthouse', section: '705 ILCS 96/10-15' },
    { provision: 'no-arrest-going-to-or-from-court', section: '705 ILCS 96/10-15' },
    { provision: 'courthouse-grounds', section: '705 ILCS 96/10-15' },
    { provision: 'everyone-with-business-at-court', section: '705 ILCS 96/10-15' },
    { provision: 'private-right-of-action', section: '705 ILCS 96/10-15' },
  ],
  'il-cook-county-order-civil-arrests-at-court': [
    { provision: 'no-arrest-in-courthouse' },
    { provision: 'no-arrest-going-to-or-from-court' },
    { provision: 'judicial-warrant-required' },
  ],
  'md-values-act-hb-1222': [
    // Non-public areas only.
    { provision: 'no-arrest-in-courthouse', section: 'State Gov’t §6-111', extent: 'partial' },
    { provision: 'judicial-warrant-required', section: 'State Gov’t §6-111', extent: 'partial' },
  ],
  'vt-s-140-civil-arrest-at-courthouses': [
    { provision: 'no-arrest-in-courthouse' },
    { provision: 'courthouse-grounds' },
    { provision: 'no-arrest-going-to-or-from-court' },
  ],
  'ct-chief-justice-courthouse-policy-2025': [{ provision: 'no-arrest-in-courthouse' }, { provision: 'judicial-warrant-required' }],
  'ma-trial-court-policy-dhs-2025': [{ provision: 'court-staff-do-not-assist' }, { provision: 'no-holds-on-civil-detainers' }],
  'lunn-v-commonwealth-477-mass-517': [{ provision: 'no-holds-on-civil-detainers' }],
}

/** The model law other jurisdictions are compared against. */
export const MODEL_LAW = 'ny-protect-our-courts-act'
