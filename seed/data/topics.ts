/** Themes that cut across the toolkit's sections. */
export const topics = [
  { slug: 'warrant-requirements', name: { en: 'Warrant requirements', es: 'Requisitos de orden judicial' } },
  { slug: 'access-to-justice', name: { en: 'Access to justice', es: 'Acceso a la justicia' } },
  { slug: 'courthouse-arrests', name: { en: 'Courthouse arrests', es: 'Arrestos en tribunales' } },
  { slug: 'data-collection', name: { en: 'Documenting arrests', es: 'Documentación de arrestos' } },
  { slug: 'coalition-building', name: { en: 'Coalition building', es: 'Construcción de coaliciones' } },
  { slug: 'federal-enforcement-policy', name: { en: 'Federal enforcement policy', es: 'Política federal de control migratorio' } },
  { slug: 'state-legislation', name: { en: 'State legislation', es: 'Legislación estatal' } },
  { slug: 'court-rules', name: { en: 'Court rules', es: 'Reglas de los tribunales' } },
]
