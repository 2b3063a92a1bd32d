/**
 * Spanish (and English) labels for the admin panel, as Payload's label objects: collection
 * names, the resource form's fields, sections and options. Applied by plugin.ts, so that the
 * collection files keep their plain English config and the API is unchanged.
 */
import type { CollectionConfig, Field, Option } from 'payload'
import type { CustomKey } from './translations'
import { tr } from './i18n'

type Label = { en: string; es: string }
const l = (en: string, es: string): Label => ({ en, es })

export const COLLECTION_LABELS: Record<string, { singular: Label; plural: Label }> = {
  resources: { singular: l('Resource', 'Recurso'), plural: l('Resources', 'Recursos') },
  documents: { singular: l('Document', 'Documento'), plural: l('Documents', 'Documentos') },
  contributors: { singular: l('Contributor', 'Colaborador'), plural: l('Contributors', 'Colaboradores') },
  jurisdictions: { singular: l('Jurisdiction', 'Jurisdicción'), plural: l('Jurisdictions', 'Jurisdicciones') },
  organizations: { singular: l('Organization', 'Organización'), plural: l('Organizations', 'Organizaciones') },
  topics: { singular: l('Topic', 'Tema'), plural: l('Topics', 'Temas') },
  'review-events': { singular: l('Review event', 'Evento de revisión'), plural: l('Review events', 'Eventos de revisión') },
  webinars: { singular: l('Webinar', 'Seminario web'), plural: l('Webinars', 'Seminarios web') },
  'webinar-registrations': { singular: l('Webinar registration', 'Inscripción'), plural: l('Webinar registrations', 'Inscripciones') },
  'registration-audit': { singular: l('Registration audit entry', 'Entrada de auditoría'), plural: l('Registration audit log', 'Auditoría de inscripciones') },
  webhooks: { singular: l('Webhook', 'Webhook'), plural: l('Webhooks', 'Webhooks') },
}

/** The resource form, by field path (array sub-fields as `links.url`) or a collapsible's English label. */
const RESOURCE_FIELDS: Record<string, Label> = {
  title: l('Title', 'Título'),
  slug: l('Slug', 'Slug (URL)'),
  summary: l('Summary', 'Resumen'),
  body: l('Body', 'Texto'),
  category: l('Category', 'Categoría'),
  section: l('Section', 'Sección'),
  jurisdictions: l('Jurisdictions', 'Jurisdicciones'),
  organizations: l('Organizations', 'Organizaciones'),
  topics: l('Topics', 'Temas'),
  'Issuer and dates': l('Issuer and dates', 'Emisor y fechas'),
  issuedBy: l('Issued By', 'Emitido por'),
  issuerType: l('Issuer Type', 'Tipo de emisor'),
  issuedAt: l('Issued At', 'Fecha de emisión'),
  effectiveAt: l('Effective At', 'Fecha de entrada en vigor'),
  Legislation: l('Legislation', 'Legislación'),
  billNumber: l('Bill Number', 'Número del proyecto de ley'),
  legislativeStatus: l('Legislative Status', 'Estado legislativo'),
  'Replaces or replaced by': l('Replaces or replaced by', 'Reemplaza o es reemplazado por'),
  supersedes: l('Supersedes', 'Reemplaza a'),
  supersededBy: l('Superseded By', 'Reemplazado por'),
  superseded: l('Superseded', 'Reemplazado'),
  documents: l('Documents', 'Documentos'),
  links: l('Links', 'Enlaces'),
  'links.label': l('Label', 'Etiqueta'),
  'links.url': l('Url', 'URL'),
  language: l('Language', 'Idioma'),
  socialPosts: l('Social Posts', 'Publicaciones en redes sociales'),
  'socialPosts.platform': l('Platform', 'Plataforma'),
  'socialPosts.text': l('Text', 'Texto'),
  graphics: l('Graphics', 'Gráficos'),
  reviewStatus: l('Review Status', 'Estado de revisión'),
  owner: l('Owner', 'Autor del envío'),
  assignee: l('Assignee', 'Editor asignado'),
  publishedAt: l('Published At', 'Fecha de publicación'),
  publishAt: l('Publish At', 'Publicación programada'),
}

/** The file form that also opens from a resource's "Create New" (what a campaign leader fills). */
const DOCUMENT_FIELDS: Record<string, Label> = {
  title: l('Title', 'Título'),
  alt: l('Alt', 'Texto alternativo'),
  language: l('Language', 'Idioma'),
  uploadedBy: l('Uploaded By', 'Subido por'),
}

const DESCRIPTIONS: Record<string, Record<string, Label>> = {
  documents: {
    alt: l(
      'Required for images: what the image shows, for people using screen readers.',
      'Obligatorio para imágenes: qué muestra la imagen, para quienes usan lectores de pantalla.',
    ),
    language: l('The language of the file.', 'El idioma del archivo.'),
  },
}

const ARRAY_LABELS: Record<string, { singular: Label; plural: Label }> = {
  links: { singular: l('Link', 'Enlace'), plural: l('Links', 'Enlaces') },
  socialPosts: { singular: l('Social post', 'Publicación'), plural: l('Social posts', 'Publicaciones') },
}

/** Option labels by field, then value (values are the API's and never change). */
const OPTIONS: Record<string, Record<string, string>> = {
  category: {
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
  },
  section: {
    'documenting-the-problem': '1. Documentar el problema y construir el caso',
    'researching-legal-solutions': '2. Investigar soluciones legales locales y estatales',
    'building-a-statewide-campaign': '3. Construir una campaña estatal',
    'statements-from-officials': '4. Declaraciones de jueces principales, gobernadores, fiscales, fiscales generales y colegios de abogados',
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
  legislativeStatus: {
    drafted: 'Borrador',
    introduced: 'Presentado',
    'passed-chamber': 'Aprobado en una cámara',
    enacted: 'Promulgado',
    vetoed: 'Vetado',
    failed: 'Fracasado',
    enjoined: 'Suspendido por un tribunal',
    repealed: 'Derogado',
  },
  reviewStatus: {
    draft: 'Borrador',
    in_review: 'En revisión',
    changes_requested: 'Cambios solicitados',
    published: 'Publicado',
    archived: 'Archivado',
  },
}

/** A Spanish option label for a field's value, for our own components (e.g. the list filters). */
export const optionLabel = (field: string, value: string, english: string, language: string) =>
  (language === 'es' && OPTIONS[field]?.[value]) || english

/** The fields a campaign leader fills, with help in plain language (translations.ts). */
const PLAIN_HELP: Record<string, CustomKey> = {
  title: 'custom:contributorTitleHelp',
  summary: 'custom:contributorSummaryHelp',
  documents: 'custom:contributorDocumentsHelp',
}

const english = (label: unknown) => (typeof label === 'string' ? label : undefined)

function translateOptions(name: string, options: Option[]): Option[] {
  const es = OPTIONS[name]
  if (!es) return options
  return options.map((option): Option => {
    const value = typeof option === 'string' ? option : option.value
    const spanish = es[value]
    if (!spanish) return option
    const en = typeof option === 'string' ? option : (english(option.label) ?? value)
    return { ...(typeof option === 'string' ? {} : option), value, label: { en, es: spanish } }
  })
}

function labelFields(fields: Field[], labels: Record<string, Label>, descriptions: Record<string, Label> = {}, prefix = ''): Field[] {
  return fields.map((field) => {
    let next = { ...field } as Field & Record<string, unknown>
    const path = 'name' in field ? `${prefix}${field.name}` : undefined
    const key = path ?? english((field as { label?: unknown }).label)
    if (key && labels[key] && field.type !== 'ui') next.label = labels[key]
    if (path && descriptions[path]) next.admin = { ...field.admin, description: descriptions[path] } as never
    if (path && ARRAY_LABELS[path]) next.labels = ARRAY_LABELS[path]
    if (path && PLAIN_HELP[path]) {
      const help = PLAIN_HELP[path]
      next.admin = { ...field.admin, description: ({ t }: { t: unknown }) => tr(t, help) } as never
    }
    if (field.type === 'select' && 'name' in field) next = { ...next, options: translateOptions(field.name, field.options as Option[]) } as never
    if ('fields' in field) next.fields = labelFields(field.fields, labels, descriptions, field.type === 'array' || field.type === 'group' ? `${path}.` : prefix)
    return next as Field
  })
}

/** The resources collection with our labels, option labels and plain-language help. */
export const labelResources = (collection: CollectionConfig): CollectionConfig => ({ ...collection, fields: labelFields(collection.fields, RESOURCE_FIELDS) })

/** The documents collection (file uploads) with our labels and translated descriptions. */
export const labelDocuments = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  fields: labelFields(collection.fields, DOCUMENT_FIELDS, DESCRIPTIONS.documents),
})

export const labelCollection = (collection: CollectionConfig): CollectionConfig =>
  COLLECTION_LABELS[collection.slug] ? { ...collection, labels: COLLECTION_LABELS[collection.slug] } : collection
