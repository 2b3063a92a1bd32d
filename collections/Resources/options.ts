/** The fixed vocabularies of a toolkit resource. Values are part of the public API: never rename one. */

type Option = { value: string; label: string; description: string }

export const CATEGORIES = [
  { value: 'legal-theory', label: 'Legal theory', description: 'an argument for why courthouse arrests are unlawful or can be limited (common-law privilege, Tenth Amendment, access to courts)' },
  { value: 'legislation', label: 'Legislation', description: 'a bill or enacted statute, drafted, pending or passed' },
  { value: 'judicial-rule', label: 'Judicial rule', description: 'a court rule, administrative order or directive issued by a court system' },
  { value: 'campaign-material', label: 'Campaign material', description: 'letters, fact sheets, toolkits and templates that campaigns use to organize' },
  { value: 'statement', label: 'Statement', description: 'a public statement or letter by an official or institution (chief judge, governor, prosecutor, attorney general, bar association)' },
  { value: 'policy', label: 'Policy', description: 'an agency or executive policy, memo, directive or guidance (ICE and DHS, governors, attorneys general)' },
  { value: 'litigation', label: 'Litigation', description: 'a lawsuit, court decision or brief' },
  { value: 'training', label: 'Training', description: 'a training, webinar recording or practice advisory for advocates and lawyers' },
  { value: 'media', label: 'Media', description: 'news coverage, op-eds, reports and press releases' },
  { value: 'social-media', label: 'Social media', description: 'sample posts and graphics for campaigns to share' },
] as const satisfies Option[]

/** The field's own help; each option's one-line description shows under the field in the panel (src/admin/OptionHelp.tsx). */
export const CATEGORY_DESCRIPTION = 'What kind of item this is.'

/** The nine sections of the published toolkit (Immigrant Defense Project, 2018), in order. */
export const SECTIONS = [
  { value: 'documenting-the-problem', label: '1. Documenting the problem and building a case', description: '' },
  { value: 'researching-legal-solutions', label: '2. Researching local and state legal solutions', description: '' },
  { value: 'building-a-statewide-campaign', label: '3. Building a statewide campaign', description: '' },
  { value: 'statements-from-officials', label: '4. Statements from chief judges, governors, prosecutors, attorneys general and bar associations', description: '' },
  { value: 'ice-policies-and-statements', label: '5. ICE policies and public statements', description: '' },
  { value: 'court-system-statements-and-policies', label: '6. Court-system statements and policies', description: '' },
  { value: 'legal-resources', label: '7. Legal resources', description: '' },
  { value: 'trainings-and-practice-advisories', label: '8. Trainings and practice advisories', description: '' },
  { value: 'media', label: '9. Media', description: '' },
] as const satisfies Option[]

export const ISSUER_TYPES = [
  { value: 'advocacy-organization', label: 'Advocacy organization', description: '' },
  { value: 'court', label: 'Court or court system', description: '' },
  { value: 'legislature', label: 'Legislature', description: '' },
  { value: 'governor', label: 'Governor', description: '' },
  { value: 'attorney-general', label: 'Attorney general', description: '' },
  { value: 'prosecutor', label: 'Prosecutor', description: '' },
  { value: 'bar-association', label: 'Bar association', description: '' },
  { value: 'ice-dhs', label: 'ICE / DHS', description: '' },
  { value: 'federal-official', label: 'Other federal official', description: '' },
  { value: 'other', label: 'Other', description: '' },
] as const satisfies Option[]

export const LEGISLATIVE_STATUSES = [
  { value: 'drafted', label: 'Drafted', description: 'model or draft language, not yet introduced' },
  { value: 'introduced', label: 'Introduced', description: 'filed in a chamber' },
  { value: 'passed-chamber', label: 'Passed one chamber', description: 'passed one chamber, pending in the other' },
  { value: 'enacted', label: 'Enacted', description: 'signed or otherwise became law' },
  { value: 'vetoed', label: 'Vetoed', description: 'passed and vetoed' },
  { value: 'failed', label: 'Failed', description: 'died in committee, voted down, or the session ended' },
  { value: 'enjoined', label: 'Enjoined', description: 'enacted but blocked by a court' },
  { value: 'repealed', label: 'Repealed', description: 'enacted and later repealed' },
] as const satisfies Option[]

export const LEGISLATIVE_STATUS_DESCRIPTION = 'For legislation: where the bill stands.'

/**
 * Character limits of each platform's post text, counted in Unicode code points. X counts a link
 * as 23 characters whatever its length, so its limit is checked conservatively (links at face value).
 */
export const SOCIAL_PLATFORMS = [
  { value: 'x', label: 'X (Twitter)', limit: 280 },
  { value: 'bluesky', label: 'Bluesky', limit: 300 },
  { value: 'threads', label: 'Threads', limit: 500 },
  { value: 'mastodon', label: 'Mastodon', limit: 500 },
  { value: 'instagram', label: 'Instagram', limit: 2200 },
  { value: 'linkedin', label: 'LinkedIn', limit: 3000 },
  { value: 'facebook', label: 'Facebook', limit: 63206 },
] as const

export const selectOptions = (options: readonly { value: string; label: string }[]) =>
  options.map(({ value, label }) => ({ value, label }))
