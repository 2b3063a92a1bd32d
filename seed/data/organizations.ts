/**
 * Organizations named by the seeded resources. Websites only where the address is the body's
 * well-known official one; demo organizations are named as such.
 */
export type SeedOrganization = {
  slug: string
  name: string
  type: 'coalition' | 'legal-services' | 'advocacy' | 'court' | 'government' | 'bar-association' | 'academic' | 'media'
  website?: string
  jurisdictions: string[]
}

export const organizations: SeedOrganization[] = [
  { slug: 'immigrant-defense-project', name: 'Immigrant Defense Project', type: 'advocacy', website: 'https://www.immigrantdefenseproject.org', jurisdictions: ['US', 'US-NY'] },
  { slug: 'ice', name: 'U.S. Immigration and Customs Enforcement (ICE)', type: 'government', website: 'https://www.ice.gov', jurisdictions: ['US'] },
  { slug: 'cbp', name: 'U.S. Customs and Border Protection (CBP)', type: 'government', website: 'https://www.cbp.gov', jurisdictions: ['US'] },
  { slug: 'ny-office-of-court-administration', name: 'New York State Office of Court Administration', type: 'court', website: 'https://www.nycourts.gov', jurisdictions: ['US-NY'] },
  { slug: 'new-york-state-legislature', name: 'New York State Legislature', type: 'government', jurisdictions: ['US-NY'] },
  { slug: 'new-york-attorney-general', name: 'New York State Attorney General', type: 'government', website: 'https://ag.ny.gov', jurisdictions: ['US-NY'] },
  { slug: 'new-jersey-courts', name: 'New Jersey Courts', type: 'court', website: 'https://www.njcourts.gov', jurisdictions: ['US-NJ'] },
  { slug: 'california-attorney-general', name: 'California Attorney General', type: 'government', website: 'https://oag.ca.gov', jurisdictions: ['US-CA'] },
  { slug: 'california-legislature', name: 'California State Legislature', type: 'government', jurisdictions: ['US-CA'] },
  { slug: 'washington-state-legislature', name: 'Washington State Legislature', type: 'government', jurisdictions: ['US-WA'] },
  { slug: 'colorado-general-assembly', name: 'Colorado General Assembly', type: 'government', jurisdictions: ['US-CO'] },
  { slug: 'oregon-supreme-court', name: 'Oregon Supreme Court', type: 'court', jurisdictions: ['US-OR'] },
  { slug: 'massachusetts-supreme-judicial-court', name: 'Massachusetts Supreme Judicial Court', type: 'court', jurisdictions: ['US-MA'] },
  { slug: 'illinois-general-assembly', name: 'Illinois General Assembly', type: 'government', jurisdictions: ['US-IL'] },
  { slug: 'circuit-court-of-cook-county', name: 'Circuit Court of Cook County', type: 'court', jurisdictions: ['US-IL-COOK'] },
  { slug: 'oregon-legislative-assembly', name: 'Oregon Legislative Assembly', type: 'government', jurisdictions: ['US-OR'] },
  { slug: 'new-jersey-attorney-general', name: 'New Jersey Attorney General', type: 'government', jurisdictions: ['US-NJ'] },
  { slug: 'massachusetts-trial-court', name: 'Massachusetts Trial Court', type: 'court', jurisdictions: ['US-MA'] },
  { slug: 'connecticut-judicial-branch', name: 'Connecticut Judicial Branch', type: 'court', jurisdictions: ['US-CT'] },
  { slug: 'connecticut-general-assembly', name: 'Connecticut General Assembly', type: 'government', jurisdictions: ['US-CT'] },
  { slug: 'maryland-general-assembly', name: 'Maryland General Assembly', type: 'government', jurisdictions: ['US-MD'] },
  { slug: 'vermont-general-assembly', name: 'Vermont General Assembly', type: 'government', jurisdictions: ['US-VT'] },
  { slug: 'demo-statewide-coalition', name: 'Demo Statewide Coalition (demo organization)', type: 'coalition', jurisdictions: ['US-NY'] },
  { slug: 'demo-legal-services-network', name: 'Demo Legal Services Network (demo organization)', type: 'legal-services', jurisdictions: ['US'] },
]
