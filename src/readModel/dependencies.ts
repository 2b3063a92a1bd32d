/** Which stored relations name a document of each collection other than resources: a write to one re-renders the resources naming it (./index.ts). */
export const NAMED_BY: Record<string, string[]> = {
  jurisdictions: ['jurisdictions', 'richtext:jurisdictions'],
  organizations: ['organizations', 'richtext:organizations'],
  topics: ['topics', 'richtext:topics'],
  documents: ['documents', 'graphics', 'richtext:documents'],
  webinars: ['richtext:webinars'],
  // A deleted provision leaves the rows that named it (their relation is emptied).
  provisions: ['provisions'],
}
/** The collections whose writes the read model follows (./hooks.ts). */
export const WATCHED = ['resources', ...Object.keys(NAMED_BY)]
