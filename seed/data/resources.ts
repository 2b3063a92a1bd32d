/**
 * Seeded resources. Items without "Demo content" in their summary describe real public documents,
 * using only the facts in /work/shared/reference/toolkit-facts.md (no invented dates, numbers or
 * links: where a fact is missing the field stays empty). Everything else is demo content, marked
 * as such in its summary. Order matters: a resource comes after those it supersedes.
 */
export type SeedResource = {
  slug: string
  category: string
  section?: string
  status?: 'published' | 'draft'
  jurisdictions: string[]
  organizations?: string[]
  topics?: string[]
  issuedBy?: string
  issuerType?: string
  issuedAt?: string
  effectiveAt?: string
  billNumber?: string
  legislativeStatus?: string
  supersedes?: string[]
  language?: string[]
  socialPosts?: { platform: string; text: string }[]
  en: { title: string; summary: string; body?: string[] }
  es?: { title: string; summary: string }
}

const DEMO = 'Demo content, not a real document: '
const DEMO_ES = 'Contenido de demostración, no es un documento real: '

export const resources: SeedResource[] = [
  // ICE policy chain, oldest first.
  {
    slug: 'ice-directive-11072-1-courthouse-enforcement',
    category: 'policy',
    section: 'ice-policies-and-statements',
    jurisdictions: ['US'],
    organizations: ['ice'],
    topics: ['federal-enforcement-policy', 'courthouse-arrests'],
    issuedBy: 'U.S. Immigration and Customs Enforcement',
    issuerType: 'ice-dhs',
    issuedAt: '2018-01-10',
    en: {
      title: 'ICE Directive 11072.1: Civil Immigration Enforcement Actions Inside Courthouses',
      summary: 'ICE directive issued on 10 January 2018 setting out when ICE officers carry out civil immigration enforcement actions inside courthouses. Superseded by the joint ICE/CBP memorandum of 27 April 2021.',
    },
    es: {
      title: 'Directiva 11072.1 de ICE: acciones civiles de control migratorio dentro de los tribunales',
      summary: 'Directiva de ICE del 10 de enero de 2018 sobre cuándo sus agentes realizan acciones civiles de control migratorio dentro de los tribunales. Reemplazada por el memorando conjunto de ICE y CBP del 27 de abril de 2021.',
    },
  },
  {
    slug: 'ice-cbp-memo-2021-courthouse-enforcement',
    category: 'policy',
    section: 'ice-policies-and-statements',
    jurisdictions: ['US'],
    organizations: ['ice', 'cbp'],
    topics: ['federal-enforcement-policy', 'courthouse-arrests'],
    issuedBy: 'U.S. Immigration and Customs Enforcement and U.S. Customs and Border Protection',
    issuerType: 'ice-dhs',
    issuedAt: '2021-04-27',
    supersedes: ['ice-directive-11072-1-courthouse-enforcement'],
    en: {
      title: 'Joint ICE/CBP memorandum: Civil Immigration Enforcement Actions in or near Courthouses (2021)',
      summary: 'Joint memorandum of 27 April 2021 by ICE and CBP on civil immigration enforcement actions in or near courthouses. It superseded ICE Directive 11072.1.',
    },
  },
  {
    slug: 'ice-interim-guidance-2025-courthouse-enforcement',
    category: 'policy',
    section: 'ice-policies-and-statements',
    jurisdictions: ['US'],
    organizations: ['ice'],
    topics: ['federal-enforcement-policy', 'courthouse-arrests'],
    issuedBy: 'U.S. Immigration and Customs Enforcement',
    issuerType: 'ice-dhs',
    supersedes: ['ice-cbp-memo-2021-courthouse-enforcement'],
    en: {
      title: 'ICE interim guidance on courthouse enforcement (January 2025)',
      summary: 'ICE interim guidance on civil immigration enforcement in or near courthouses, issued in January 2025 (reported as 21 or 22 January). It replaced the 2021 joint ICE/CBP memorandum.',
    },
  },
  {
    slug: 'ice-memo-2025-05-27-courthouse-enforcement',
    category: 'policy',
    section: 'ice-policies-and-statements',
    jurisdictions: ['US'],
    organizations: ['ice'],
    topics: ['federal-enforcement-policy', 'courthouse-arrests'],
    issuedBy: 'U.S. Immigration and Customs Enforcement',
    issuerType: 'ice-dhs',
    issuedAt: '2025-05-27',
    supersedes: ['ice-interim-guidance-2025-courthouse-enforcement'],
    en: {
      title: 'ICE memorandum revising courthouse enforcement guidance (27 May 2025)',
      summary: 'ICE memorandum of 27 May 2025 revising its January 2025 interim guidance on civil immigration enforcement in or near courthouses.',
    },
  },
  // New York
  {
    slug: 'ny-coalition-letter-to-chief-judge-2017',
    category: 'campaign-material',
    section: 'building-a-statewide-campaign',
    jurisdictions: ['US-NY'],
    topics: ['coalition-building', 'courthouse-arrests'],
    issuedBy: 'A coalition of about 100 organizations',
    issuerType: 'advocacy-organization',
    issuedAt: '2017-04-10',
    en: {
      title: 'Coalition letter to Chief Judge DiFiore and Chief Administrative Judge Marks',
      summary: 'Letter of 10 April 2017 from about 100 organizations to New York Chief Judge DiFiore and Chief Administrative Judge Marks about immigration arrests at New York courthouses.',
    },
  },
  {
    slug: 'ny-oca-rule-judicial-warrant-courthouse-arrests',
    category: 'judicial-rule',
    section: 'court-system-statements-and-policies',
    jurisdictions: ['US-NY'],
    organizations: ['ny-office-of-court-administration'],
    topics: ['court-rules', 'warrant-requirements'],
    issuedBy: 'New York State Office of Court Administration',
    issuerType: 'court',
    effectiveAt: '2019-04-17',
    en: {
      title: 'New York court rule requiring a judicial warrant or order for civil arrests in courthouses',
      summary: 'Rule of the New York State Office of Court Administration, effective 17 April 2019, requiring a judicial warrant or judicial order for civil arrests inside New York courthouses.',
    },
    es: {
      title: 'Regla de los tribunales de Nueva York que exige una orden judicial para arrestos civiles en los tribunales',
      summary: 'Regla de la Oficina de Administración de Tribunales del Estado de Nueva York, vigente desde el 17 de abril de 2019, que exige una orden judicial para los arrestos civiles dentro de los tribunales de Nueva York.',
    },
  },
  {
    slug: 'ny-protect-our-courts-act',
    category: 'legislation',
    section: 'researching-legal-solutions',
    jurisdictions: ['US-NY'],
    organizations: ['new-york-state-legislature'],
    topics: ['state-legislation', 'access-to-justice'],
    issuedBy: 'New York State Legislature',
    issuerType: 'legislature',
    billNumber: 'A2176-A / S425-A',
    legislativeStatus: 'enacted',
    en: {
      title: 'Protect Our Courts Act (New York)',
      summary: 'New York law protecting people from civil arrest while going to, attending or returning from court: A2176-A / S425-A, Chapter 322 of the Laws of 2020, adding Civil Rights Law §28 and Judiciary Law §4-a.',
    },
    es: {
      title: 'Ley Protect Our Courts (Nueva York)',
      summary: 'Ley de Nueva York que protege contra el arresto civil a las personas que van al tribunal, asisten o regresan: A2176-A / S425-A, capítulo 322 de las Leyes de 2020 (Ley de Derechos Civiles §28 y Ley Judicial §4-a).',
    },
  },
  {
    slug: 'united-states-v-new-york-protect-our-courts-act',
    category: 'litigation',
    section: 'legal-resources',
    jurisdictions: ['US-NY', 'US'],
    organizations: ['new-york-attorney-general'],
    topics: ['state-legislation'],
    issuedBy: 'U.S. District Court for the Northern District of New York',
    issuerType: 'court',
    issuedAt: '2025-11-17',
    en: {
      title: 'United States v. New York (challenge to the Protect Our Courts Act)',
      summary: 'Federal lawsuit filed in June 2025 challenging New York’s Protect Our Courts Act; dismissed by the Northern District of New York on 17 November 2025.',
    },
  },
  // Other states
  {
    slug: 'nj-judiciary-directive-07-19',
    category: 'judicial-rule',
    section: 'court-system-statements-and-policies',
    jurisdictions: ['US-NJ'],
    organizations: ['new-jersey-courts'],
    topics: ['court-rules'],
    issuedBy: 'New Jersey Judiciary',
    issuerType: 'court',
    issuedAt: '2019-05-23',
    en: {
      title: 'New Jersey Judiciary Directive #07-19: ICE in court facilities',
      summary: 'Directive of 23 May 2019 on immigration enforcement in New Jersey court facilities. It supersedes Directive #11-07.',
    },
  },
  {
    slug: 'ca-sb-349-courthouse-civil-arrest-privilege',
    category: 'legislation',
    section: 'researching-legal-solutions',
    jurisdictions: ['US-CA'],
    organizations: ['california-legislature'],
    topics: ['state-legislation'],
    issuerType: 'legislature',
    issuedBy: 'California State Legislature',
    billNumber: 'SB 349',
    legislativeStatus: 'vetoed',
    en: {
      title: 'California SB 349: courthouse civil-arrest privilege',
      summary: 'California bill creating a privilege from civil arrest at courthouses; vetoed on 27 September 2018.',
    },
  },
  {
    slug: 'ca-ag-securing-equal-access-to-justice',
    category: 'policy',
    section: 'statements-from-officials',
    jurisdictions: ['US-CA'],
    organizations: ['california-attorney-general'],
    topics: ['access-to-justice'],
    issuedBy: 'Attorney General of California',
    issuerType: 'attorney-general',
    en: {
      title: 'Securing Equal Access to Justice for All (California Attorney General guidance)',
      summary: 'Guidance of the California Attorney General first issued in October 2018 and updated in December 2024.',
    },
  },
  {
    slug: 'wa-rcw-2-28-300-courthouse-civil-arrest',
    category: 'legislation',
    section: 'researching-legal-solutions',
    jurisdictions: ['US-WA'],
    organizations: ['washington-state-legislature'],
    topics: ['state-legislation'],
    issuedBy: 'Washington State Legislature',
    issuerType: 'legislature',
    legislativeStatus: 'enacted',
    en: {
      title: 'Washington RCW 2.28.300–.330: courthouse civil arrest protections',
      summary: 'Washington statutes (RCW 2.28.300 to 2.28.330, enacted as 2020 c 37) protecting people from civil arrest at courthouses.',
    },
  },
  {
    slug: 'co-sb-20-083-protection-from-civil-arrest',
    category: 'legislation',
    section: 'researching-legal-solutions',
    jurisdictions: ['US-CO'],
    organizations: ['colorado-general-assembly'],
    topics: ['state-legislation'],
    issuedBy: 'Colorado General Assembly',
    issuerType: 'legislature',
    billNumber: 'SB 20-083',
    legislativeStatus: 'enacted',
    en: {
      title: 'Colorado SB 20-083: protection from civil arrest at courthouses',
      summary: 'Colorado law of 2020 protecting people from civil arrest at courthouses.',
    },
  },
  {
    slug: 'or-supreme-court-rule-judicial-warrant',
    category: 'judicial-rule',
    section: 'court-system-statements-and-policies',
    jurisdictions: ['US-OR'],
    organizations: ['oregon-supreme-court'],
    topics: ['court-rules', 'warrant-requirements'],
    issuedBy: 'Oregon Supreme Court',
    issuerType: 'court',
    en: {
      title: 'Oregon Supreme Court rule requiring a judicial warrant for courthouse arrests',
      summary: 'Rule adopted by the Oregon Supreme Court in November 2019 requiring a judicial warrant for arrests in Oregon courthouses.',
    },
  },
  {
    slug: 'lunn-v-commonwealth-477-mass-517',
    category: 'litigation',
    section: 'legal-resources',
    jurisdictions: ['US-MA'],
    organizations: ['massachusetts-supreme-judicial-court'],
    issuedBy: 'Massachusetts Supreme Judicial Court',
    issuerType: 'court',
    en: {
      title: 'Lunn v. Commonwealth, 477 Mass. 517 (2017)',
      summary: 'Decision of the Massachusetts Supreme Judicial Court reported at 477 Mass. 517 (2017), concerning federal civil immigration detainers.',
    },
  },
  // Demo content: every remaining category, clearly marked.
  {
    slug: 'demo-common-law-privilege-from-civil-arrest',
    category: 'legal-theory',
    section: 'researching-legal-solutions',
    jurisdictions: ['US'],
    organizations: ['demo-legal-services-network'],
    topics: ['access-to-justice'],
    issuerType: 'advocacy-organization',
    language: ['en', 'es'],
    en: {
      title: 'Demo: the common-law privilege from civil arrest at court',
      summary: `${DEMO}an outline of the argument that people attending court have long been privileged from civil arrest, for trying the toolkit's legal-theory category.`,
      body: [
        'This is demo content used to show how a legal theory reads in the toolkit. It cites no authority.',
        'A real entry would set out the argument, the cases and statutes that support it, and how campaigns have used it.',
      ],
    },
    es: {
      title: 'Demostración: el privilegio contra el arresto civil en los tribunales',
      summary: `${DEMO_ES}un esquema del argumento según el cual quienes asisten al tribunal están protegidos contra el arresto civil.`,
    },
  },
  {
    slug: 'demo-courthouse-arrest-incident-form',
    category: 'campaign-material',
    section: 'documenting-the-problem',
    jurisdictions: ['US-NY'],
    organizations: ['demo-statewide-coalition'],
    topics: ['data-collection'],
    issuerType: 'advocacy-organization',
    language: ['en', 'es'],
    en: {
      title: 'Demo: courthouse arrest incident report form',
      summary: `${DEMO}a template form for recording an immigration arrest at a courthouse (date, court, what happened), for documenting the problem.`,
    },
  },
  {
    slug: 'demo-model-statement-prosecutor',
    category: 'statement',
    section: 'statements-from-officials',
    jurisdictions: ['US-NY'],
    topics: ['access-to-justice'],
    issuedBy: 'Demo: a county prosecutor',
    issuerType: 'prosecutor',
    en: {
      title: 'Demo: model statement by a prosecutor on courthouse arrests',
      summary: `${DEMO}sample wording a prosecutor could use to say that immigration arrests at court keep victims and witnesses away. Not attributed to any real official.`,
    },
  },
  {
    slug: 'demo-know-your-rights-training-for-court-advocates',
    category: 'training',
    section: 'trainings-and-practice-advisories',
    jurisdictions: ['US-NJ', 'US-NY'],
    organizations: ['demo-legal-services-network'],
    topics: ['courthouse-arrests'],
    issuerType: 'advocacy-organization',
    en: {
      title: 'Demo: training for court-watch volunteers',
      summary: `${DEMO}the outline of a one-hour training for volunteers who accompany people to court.`,
    },
  },
  {
    slug: 'demo-press-coverage-roundup',
    category: 'media',
    section: 'media',
    jurisdictions: ['US-CA', 'US-WA'],
    issuerType: 'other',
    en: {
      title: 'Demo: press coverage round-up',
      summary: `${DEMO}how a list of news stories about courthouse arrests would appear. It links to no real article.`,
    },
  },
  {
    slug: 'demo-social-media-kit',
    category: 'social-media',
    section: 'building-a-statewide-campaign',
    jurisdictions: ['US-NY'],
    organizations: ['demo-statewide-coalition'],
    topics: ['coalition-building'],
    issuerType: 'advocacy-organization',
    language: ['en'],
    socialPosts: [
      { platform: 'x', text: 'Courts should be open to everyone. Demo post: no one should fear arrest for showing up to court. #ProtectOurCourts' },
      { platform: 'bluesky', text: 'Demo post: when people fear going to court, victims stay silent and cases collapse. Courthouses must be safe for all.' },
      { platform: 'instagram', text: 'Demo post: share your story of going to court and why safe access matters to your community.' },
    ],
    en: {
      title: 'Demo: social media kit',
      summary: `${DEMO}sample posts for a courthouse-protection campaign.`,
    },
  },
  {
    slug: 'demo-draft-model-bill',
    category: 'legislation',
    section: 'researching-legal-solutions',
    status: 'draft',
    jurisdictions: ['US-NY'],
    issuerType: 'advocacy-organization',
    legislativeStatus: 'drafted',
    en: {
      title: 'Demo: model bill (unpublished draft)',
      summary: `${DEMO}an unpublished draft, to show that drafts stay out of the public API.`,
    },
  },
]
