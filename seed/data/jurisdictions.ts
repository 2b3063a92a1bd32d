import { US_SUBDIVISIONS } from '../../collections/Jurisdictions/usSubdivisions'

/**
 * The federal level, the 50 states, DC and the five inhabited territories (ISO 3166-2:US), with a
 * protection profile only where /work/shared/reference/toolkit-facts.md supports one. Profiles
 * left empty are unknown to us, not "none": editors complete them.
 */
export type SeedJurisdiction = {
  code: string
  name: string
  type: 'federal' | 'state' | 'district' | 'territory'
  parent?: string
  protectionStatus?: 'statute' | 'court-rule' | 'executive-order' | 'attorney-general-guidance' | 'local-policy' | 'campaign-active' | 'none-known'
  effectiveAt?: string
  warrantStandard?: 'judicial-warrant' | 'judicial-warrant-or-order' | 'none'
  protectionSummary?: { en: string; es?: string }
}

const profiles: Record<string, Partial<SeedJurisdiction>> = {
  'US-NY': {
    protectionStatus: 'statute',
    warrantStandard: 'judicial-warrant-or-order',
    protectionSummary: {
      en: 'The Protect Our Courts Act (A2176-A / S425-A, Chapter 322 of the Laws of 2020; Civil Rights Law §28, Judiciary Law §4-a) protects people going to, attending and returning from court. Since 17 April 2019 a court rule of the Office of Court Administration has required a judicial warrant or order for civil arrests inside courthouses. A federal challenge, United States v. New York, was dismissed on 17 November 2025.',
      es: 'La ley Protect Our Courts Act (A2176-A / S425-A, capítulo 322 de las Leyes de 2020) protege a las personas que van al tribunal, asisten y regresan. Desde el 17 de abril de 2019 una regla de la Oficina de Administración de Tribunales exige una orden judicial para los arrestos civiles dentro de los tribunales. La demanda federal United States v. New York fue desestimada el 17 de noviembre de 2025.',
    },
  },
  'US-NJ': {
    protectionStatus: 'court-rule',
    effectiveAt: '2019-05-23',
    protectionSummary: { en: 'Judiciary Directive #07-19 (23 May 2019) on ICE in court facilities, superseding Directive #11-07.' },
  },
  'US-CA': {
    protectionStatus: 'attorney-general-guidance',
    protectionSummary: {
      en: 'Attorney General guidance "Securing Equal Access to Justice for All" (October 2018, updated December 2024). SB 349, a courthouse civil-arrest privilege, was vetoed on 27 September 2018. Editors: complete this profile from current law.',
    },
  },
  'US-WA': {
    protectionStatus: 'statute',
    protectionSummary: { en: 'RCW 2.28.300–.330 (2020 c 37) protect people from civil arrest at courthouses.' },
  },
  'US-CO': {
    protectionStatus: 'statute',
    protectionSummary: { en: 'SB 20-083 (2020) protects people from civil arrest at courthouses.' },
  },
  'US-OR': {
    protectionStatus: 'court-rule',
    warrantStandard: 'judicial-warrant',
    protectionSummary: { en: 'An Oregon Supreme Court rule (November 2019) requires a judicial warrant for courthouse arrests.' },
  },
}

export const jurisdictions: SeedJurisdiction[] = [
  { code: 'US', name: 'United States (federal)', type: 'federal' },
  ...US_SUBDIVISIONS.map((s) => ({ ...s, parent: 'US', ...profiles[s.code] })),
]
