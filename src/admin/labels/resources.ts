/** The resource form (what campaign leaders fill and editors review) and its file uploads. */
import { CATEGORIES, LEGISLATIVE_STATUSES, SOCIAL_PLATFORMS } from '../../../collections/Resources/options'
import { LANGUAGE_OPTIONS, STATE_OPTIONS } from './shared'
import { type CollectionText, type OptionHelpItem, l } from './types'

export const CATEGORY_OPTIONS: Record<string, string> = {
  'legal-theory': 'Teoría jurídica',
  legislation: 'Legislación',
  'judicial-rule': 'Norma judicial',
  'campaign-material': 'Material de campaña',
  statement: 'Declaración',
  policy: 'Política',
  litigation: 'Litigio',
  training: 'Capacitación',
  media: 'Medios',
  'social-media': 'Redes sociales',
}

const CATEGORY_HELP: Record<(typeof CATEGORIES)[number]['value'], string> = {
  'legal-theory': 'un argumento de por qué los arrestos en los tribunales son ilegales o pueden limitarse (privilegio del common law, Décima Enmienda, acceso a la justicia)',
  legislation: 'un proyecto de ley o una ley promulgada, en borrador, en trámite o aprobada',
  'judicial-rule': 'una norma, orden administrativa o directiva emitida por un sistema judicial',
  'campaign-material': 'cartas, hojas informativas, guías y plantillas que las campañas usan para organizarse',
  statement: 'una declaración o carta pública de un funcionario o institución (juez presidente, gobernador, fiscal, fiscal general, colegio de abogados)',
  policy: 'una política, memorando, directiva u orientación de una agencia o del poder ejecutivo (ICE y DHS, gobernadores, fiscales generales)',
  litigation: 'una demanda, decisión judicial o escrito',
  training: 'una capacitación, grabación de un seminario web o guía práctica para defensores y abogados',
  media: 'cobertura de prensa, artículos de opinión, informes y comunicados de prensa',
  'social-media': 'publicaciones y gráficos de ejemplo para que las campañas compartan',
}

const LEGISLATIVE_OPTIONS: Record<(typeof LEGISLATIVE_STATUSES)[number]['value'], string> = {
  drafted: 'Borrador',
  introduced: 'Presentado',
  'passed-chamber': 'Aprobado en una cámara',
  enacted: 'Promulgado',
  vetoed: 'Vetado',
  failed: 'Fracasado',
  enjoined: 'Suspendido por un tribunal',
  repealed: 'Derogado',
}

const LEGISLATIVE_HELP: Record<(typeof LEGISLATIVE_STATUSES)[number]['value'], string> = {
  drafted: 'texto modelo o borrador, aún no presentado',
  introduced: 'presentado en una cámara',
  'passed-chamber': 'aprobado en una cámara, pendiente en la otra',
  enacted: 'firmado o convertido en ley de otro modo',
  vetoed: 'aprobado y vetado',
  failed: 'murió en comisión, fue rechazado en votación o terminó la sesión',
  enjoined: 'promulgado pero bloqueado por un tribunal',
  repealed: 'promulgado y luego derogado',
}

/** Each option's label and one-line description in both languages (English from options.ts). */
const optionHelp = (options: readonly { value: string; label: string; description: string }[], labels: Record<string, string>, help: Record<string, string>): OptionHelpItem[] =>
  options.map(({ value, label, description }) => ({ value, label: l(label, labels[value] ?? label), description: l(description, help[value] ?? description) }))

export const resources: CollectionText = {
  labels: { singular: l('Resource', 'Recurso'), plural: l('Resources', 'Recursos') },
  fields: {
    title: 'Título',
    slug: 'Slug (URL)',
    summary: 'Resumen',
    body: 'Texto',
    category: 'Categoría',
    section: 'Sección',
    jurisdictions: 'Jurisdicciones',
    organizations: 'Organizaciones',
    topics: 'Temas',
    'Issuer and dates': 'Emisor y fechas',
    issuedBy: 'Emitido por',
    issuerType: 'Tipo de emisor',
    issuedAt: 'Fecha de emisión',
    effectiveAt: 'Fecha de entrada en vigor',
    Legislation: 'Legislación',
    billNumber: 'Número del proyecto de ley',
    legislativeStatus: 'Estado legislativo',
    'Replaces or replaced by': 'Reemplaza o es reemplazado por',
    supersedes: 'Reemplaza a',
    supersededBy: 'Reemplazado por',
    superseded: 'Reemplazado',
    documents: 'Documentos',
    links: 'Enlaces',
    'links.label': 'Etiqueta',
    'links.url': l('URL', 'URL'),
    // Not plain "Idioma": that is the panel's content-language switch (translations.ts, general:locale).
    language: 'Idiomas del documento',
    socialPosts: 'Publicaciones en redes sociales',
    'socialPosts.platform': 'Plataforma',
    'socialPosts.text': 'Texto',
    graphics: 'Gráficos',
    reviewStatus: 'Estado de revisión',
    owner: 'Autor del envío',
    assignee: 'Editor asignado',
    publishedAt: 'Fecha de publicación',
    publishAt: 'Publicación programada',
    'Provisions provided': 'Disposiciones que contiene',
    provisions: 'Disposiciones',
    'provisions.provision': 'Disposición',
    'provisions.section': 'Artículo o sección',
    'provisions.extent': 'Alcance',
    'provisions.quote': 'Cita',
    isModel: 'Ley modelo',
  },
  help: {
    title: 'custom:contributorTitleHelp',
    summary: 'custom:contributorSummaryHelp',
    documents: 'custom:contributorDocumentsHelp',
  },
  descriptions: {
    slug: 'Parte de la URL pública; si se deja vacío, se crea a partir del título. No cambia una vez publicado el recurso.',
    category: 'Qué tipo de elemento es.',
    section: 'Dónde se ubica entre las nueve secciones del kit de herramientas publicado.',
    jurisdictions: 'Dónde se aplica o de dónde proviene. Los elementos federales llevan «Estados Unidos» (US).',
    organizations: 'Las entidades que lo redactaron o emitieron.',
    issuedBy: 'Quién lo emitió, en palabras, p. ej., "Jueza Presidenta del Estado de Nueva York".',
    issuedAt: 'Fecha en que se emitió, firmó, presentó o decidió.',
    effectiveAt: 'Fecha en que entra o entró en vigor.',
    billNumber: 'p. ej., "A2176-A / S425-A", "SB 20-083".',
    legislativeStatus: 'Para legislación: en qué punto está el proyecto de ley.',
    supersedes: 'Elementos anteriores que este reemplaza, p. ej., en un memorando nuevo de ICE, el memorando anterior que queda revocado por él.',
    supersededBy: 'Elementos posteriores que nombran a este en "Reemplaza a".',
    superseded: 'Marcado cuando un recurso publicado reemplaza a este.',
    links: 'Páginas web sobre este elemento: una copia oficial, un expediente judicial, una noticia. Solo http(s).',
    language: 'Idiomas en los que está disponible el elemento.',
    socialPosts: `Publicaciones de ejemplo que las campañas pueden copiar. Límites: ${SOCIAL_PLATFORMS.map((p) => `${p.label} ${p.limit}`).join(', ')} caracteres.`,
    graphics: 'Imágenes para compartir en redes sociales.',
    reviewStatus: 'Solo lo cambian las acciones de revisión (enviar, solicitar cambios, publicar…).',
    owner: 'Quién envió este recurso. Nunca se muestra públicamente.',
    assignee: 'La persona editora que revisa este envío (opcional).',
    publishAt: 'Publicación programada, fijada por la acción de publicar con una fecha futura (publishAt).',
    'Provisions provided': 'Para leyes y políticas: qué disposiciones del catálogo contiene este instrumento. Mejor dejar una fuera que adivinar.',
    'provisions.section': 'Cita exacta, p. ej., "Civil Rights Law §28". Vacía si no se conoce.',
    'provisions.quote': 'Una cita breve del texto que la establece, tal como está escrito.',
    isModel: 'Una ley modelo: la que /api/jurisdictions/{code}/gaps usa por defecto para comparar una jurisdicción.',
  },
  arrays: {
    links: { singular: l('Link', 'Enlace'), plural: l('Links', 'Enlaces') },
    socialPosts: { singular: l('Social post', 'Publicación'), plural: l('Social posts', 'Publicaciones') },
    provisions: { singular: l('Provision', 'Disposición'), plural: l('Provisions', 'Disposiciones') },
  },
  options: {
    category: CATEGORY_OPTIONS,
    section: {
      'documenting-the-problem': '1. Documentar el problema y construir el caso',
      'researching-legal-solutions': '2. Investigar soluciones legales locales y estatales',
      'building-a-statewide-campaign': '3. Construir una campaña estatal',
      'statements-from-officials': '4. Declaraciones de jueces presidentes, gobernadores, fiscales, fiscales generales y colegios de abogados',
      'ice-policies-and-statements': '5. Políticas y declaraciones públicas de ICE',
      'court-system-statements-and-policies': '6. Declaraciones y políticas del sistema judicial',
      'legal-resources': '7. Recursos legales',
      'trainings-and-practice-advisories': '8. Capacitaciones y guías prácticas',
      media: '9. Medios',
    },
    issuerType: {
      'advocacy-organization': 'Organización de defensa',
      court: 'Tribunal o sistema judicial',
      legislature: 'Poder legislativo',
      governor: 'Gobernador/a',
      'attorney-general': 'Fiscal general',
      prosecutor: 'Fiscal',
      'bar-association': 'Colegio de abogados',
      'ice-dhs': 'ICE / DHS',
      'federal-official': 'Otro funcionario federal',
      other: 'Otro',
    },
    legislativeStatus: LEGISLATIVE_OPTIONS,
    reviewStatus: STATE_OPTIONS,
    language: LANGUAGE_OPTIONS,
    // Brand names: the same in both languages.
    'socialPosts.platform': Object.fromEntries(SOCIAL_PLATFORMS.map((p) => [p.value, p.label])),
    'provisions.extent': { full: 'Completa: la establece tal como se describe', partial: 'Parcial: establece una parte, o con excepciones' },
  },
  optionHelp: {
    category: optionHelp(CATEGORIES, CATEGORY_OPTIONS, CATEGORY_HELP),
    legislativeStatus: optionHelp(LEGISLATIVE_STATUSES, LEGISLATIVE_OPTIONS, LEGISLATIVE_HELP),
  },
}

/** The file form that also opens from a resource's "Create New" (what a campaign leader fills). */
export const documents: CollectionText = {
  labels: { singular: l('Document', 'Documento'), plural: l('Documents', 'Documentos') },
  fields: { title: 'Título', originalFilename: 'Nombre del archivo', alt: 'Texto alternativo', language: 'Idioma del archivo', uploadedBy: 'Subido por' },
  help: { title: 'custom:contributorTitleHelp' },
  descriptions: {
    originalFilename: 'El nombre con que se subió el archivo, terminado en la extensión de lo que es. Las descargas llevan este nombre.',
    alt: 'Obligatorio para imágenes: qué muestra la imagen, para quienes usan lectores de pantalla.',
    language: 'El idioma del archivo.',
  },
  options: { language: LANGUAGE_OPTIONS },
}
