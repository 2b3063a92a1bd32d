import { US_SUBDIVISIONS } from '../../collections/Jurisdictions/usSubdivisions'

/**
 * The federal level, the 50 states, DC, the five inhabited territories (ISO 3166-2:US) and the
 * counties a seeded item needs, with a protection profile only where
 * ../shared/reference/toolkit-facts.md ("Courthouse protections by jurisdiction") supports one.
 * A jurisdiction without a profile is `unknown` (not researched yet), never "none": editors
 * complete them. tests/seed-facts.test.ts checks these against the facts file.
 */
export type SeedJurisdiction = {
  code: string
  name: string
  type: 'federal' | 'state' | 'district' | 'territory' | 'county'
  parent?: string
  protectionStatus?: 'statute' | 'court-rule' | 'executive-order' | 'attorney-general-guidance' | 'local-policy' | 'campaign-active' | 'none-known' | 'unknown'
  effectiveAt?: string
  warrantStandard?: 'judicial-warrant' | 'judicial-warrant-or-order' | 'none'
  protectionSummary?: { en: string; es?: string }
  scope?: { en: string; es?: string }
  remedy?: { en: string; es?: string }
}

const profiles: Record<string, Partial<SeedJurisdiction>> = {
  US: {
    protectionStatus: 'none-known',
    protectionSummary: {
      en: 'No federal rule protects people at courthouses. ICE Directive 11072.1 (10 January 2018) was replaced on 27 April 2021 by a memo of Acting ICE Director Tae Johnson and Acting CBP Commissioner Troy Miller allowing courthouse enforcement only in limited circumstances. Acting Director Caleb Vitello rescinded it with interim guidance on 22 January 2025, and a memo of Acting Director Todd M. Lyons of 27 May 2025 replaced that guidance and removed its language about local laws.',
      es: 'Ninguna norma federal protege a las personas en los tribunales. La Directiva 11072.1 de ICE (10 de enero de 2018) fue reemplazada el 27 de abril de 2021 por un memorando del director interino de ICE, Tae Johnson, y del comisionado interino de CBP, Troy Miller, que limitaba las acciones en los tribunales. El director interino Caleb Vitello lo revocó el 22 de enero de 2025, y un memorando del director interino Todd M. Lyons del 27 de mayo de 2025 reemplazó esa guía y eliminó su referencia a las leyes locales.',
    },
  },
  'US-CA': {
    protectionStatus: 'statute',
    protectionSummary: {
      en: 'AB 668 (2019), "Courthouses: privilege from civil arrest" (Ch. 787, Stats. 2019), signed on 12 October 2019: no civil arrest in a courthouse while a person attends a proceeding or has legal business there. Earlier, SB 349 was vetoed on 27 September 2018, and the Attorney General issued the guidance "Securing Equal Access to Justice for All" (October 2018, updated December 2024).',
    },
    scope: { en: 'People attending a court proceeding or having legal business in the courthouse, in the courthouse.' },
  },
  'US-IL': {
    protectionStatus: 'statute',
    effectiveAt: '2025-12-09',
    protectionSummary: {
      en: 'The Court Access, Safety, and Participation Act, Article 10 of Public Act 104-0440 (HB 1312; 705 ILCS 96/10-15), in force since 9 December 2025: court participants and those with them are privileged from civil arrest going to, at and returning from court, including within 1,000 feet. In Cook County a general administrative order of the Circuit Court (October 2025) also bars civil arrests without a judicial warrant or order.',
    },
    scope: { en: 'Court participants and the people with them, going to, at and returning from court, including within 1,000 feet.' },
    remedy: { en: 'Statutory damages.' },
  },
  'US-IL-COOK': {
    protectionStatus: 'court-rule',
    warrantStandard: 'judicial-warrant-or-order',
    protectionSummary: {
      en: 'A general administrative order of the Circuit Court of Cook County (October 2025): no civil arrest of people going to, at or leaving court without a judicial warrant or order.',
    },
  },
  'US-OR': {
    protectionStatus: 'statute',
    effectiveAt: '2021-07-19',
    warrantStandard: 'judicial-warrant-or-order',
    protectionSummary: {
      en: 'HB 3265 (2021), the Sanctuary Promise Act (ch. 550 Or Laws 2021 §5), in effect since 19 July 2021: no civil arrest without a judicial warrant or order in a court facility, or going to, at or returning from a proceeding. Before it, UTCR 3.190, adopted on 14 November 2019 under Chief Justice Martha L. Walters, barred civil arrests in courthouses, their entryways, sidewalks and parking without a judicial warrant.',
    },
  },
  'US-WA': {
    protectionStatus: 'statute',
    warrantStandard: 'judicial-warrant-or-order',
    protectionSummary: {
      en: 'The Courts Open to All Act, SHB 2567 (2020 c 37, RCW 2.28.300–.340): RCW 2.28.330 bars civil arrest going to, at or returning from a court facility except by court order and under narrow exceptions. The Keep Washington Working Act (SB 5497, 2019 c 440 §4, RCW 43.10.310) has the Attorney General publish model policies limiting immigration enforcement at courthouses.',
    },
  },
  'US-NJ': {
    protectionStatus: 'court-rule',
    effectiveAt: '2019-05-23',
    protectionSummary: {
      en: 'Judiciary Directive #07-19 of Chief Justice Rabner (23 May 2019, superseding #11-07): ICE officers must identify themselves, court security asks for the warrant and tells the judge, and, absent an emergency, arrests happen only after the proceeding. The Attorney General\'s Immigrant Trust Directive (Law Enforcement Directive 2018-6, 29 November 2018) keeps New Jersey officers out of ICE civil enforcement, though it is not specific to courthouses.',
    },
  },
  'US-NY': {
    protectionStatus: 'statute',
    warrantStandard: 'judicial-warrant-or-order',
    protectionSummary: {
      en: 'The Protect Our Courts Act (A2176-A / S425-A, Chapter 322 of the Laws of 2020; Civil Rights Law §28, Judiciary Law §4-a), signed on 15 December 2020, protects people from civil arrest going to, attending and returning from court unless there is a judicial warrant or order. Since 17 April 2019 a directive of the Office of Court Administration has required a judge-signed warrant or order, reviewed by a judge or court attorney, for arrests inside courthouses. A federal challenge, United States v. New York, was dismissed on 17 November 2025.',
      es: 'La ley Protect Our Courts Act (A2176-A / S425-A, capítulo 322 de las Leyes de 2020), firmada el 15 de diciembre de 2020, protege contra el arresto civil a las personas que van al tribunal, asisten y regresan, salvo con una orden judicial. Desde el 17 de abril de 2019 una directiva de la Oficina de Administración de Tribunales exige una orden firmada por un juez para los arrestos dentro de los tribunales. La demanda federal United States v. New York fue desestimada el 17 de noviembre de 2025.',
    },
  },
  'US-CO': {
    protectionStatus: 'statute',
    effectiveAt: '2020-03-23',
    protectionSummary: {
      en: 'SB 20-083 (ch. 63 Sess. Laws 2020, C.R.S. 13-1-401 to -404), in effect since 23 March 2020: no civil arrest at a courthouse or its environs, or going to or from court.',
    },
    remedy: { en: 'Writs of protection; false-imprisonment actions and remedies through the Attorney General.' },
  },
  'US-MA': {
    protectionStatus: 'court-rule',
    effectiveAt: '2025-05-01',
    protectionSummary: {
      en: 'A Trial Court policy on courthouse interactions with DHS (1 May 2025, replacing the version of 18 April 2024): court staff neither assist nor impede ICE arrests, and no one is held on a civil detainer. Lunn v. Commonwealth, 477 Mass. 517 (2017), held that court officers have no authority to hold a person solely on a civil immigration detainer; it is a detainer decision, not a ban on courthouse arrests. No Massachusetts statute addresses courthouse arrests.',
    },
  },
  'US-CT': {
    protectionStatus: 'court-rule',
    effectiveAt: '2025-09-16',
    warrantStandard: 'judicial-warrant-or-order',
    protectionSummary: {
      en: 'A courthouse policy of Chief Justice Raheem Mullins (16 September 2025): no arrests in courthouses except under a judicial warrant or order, and no masked officers. The Trust Act (Public Act 19-20, in effect since 1 October 2019) limits civil detainers but does not address courthouse arrests.',
    },
  },
  'US-MD': {
    protectionStatus: 'statute',
    warrantStandard: 'judicial-warrant',
    protectionSummary: {
      en: 'The Maryland Values Act, HB 1222 (2025; State Government §6-111), enacted on 20 May 2025: courthouses are "sensitive locations", and ICE may not enter their non-public areas without a judicial warrant; local policies were due by 1 October 2025.',
    },
  },
  'US-VT': {
    protectionStatus: 'statute',
    protectionSummary: {
      en: 'S.140, passed in May 2022: no detention for civil process (most immigration detentions) at or near courthouses, or going to or from court.',
    },
  },
}

/** Counties (and later cities) that a seeded item or profile names. */
const localJurisdictions: SeedJurisdiction[] = [{ code: 'US-IL-COOK', name: 'Cook County', type: 'county', parent: 'US-IL' }]

export const jurisdictions: SeedJurisdiction[] = [
  { code: 'US', name: 'United States (federal)', type: 'federal', ...profiles.US },
  ...US_SUBDIVISIONS.map((s) => ({ ...s, parent: 'US', ...profiles[s.code] })),
  ...localJurisdictions.map((j) => ({ ...j, ...profiles[j.code] })),
]
