/** The reference lists editors keep: jurisdictions (with their protection profile), organizations, topics. */
import { slugFromName } from './shared'
import { type CollectionText, l } from './types'

export const jurisdictions: CollectionText = {
  labels: { singular: l('Jurisdiction', 'Jurisdicción'), plural: l('Jurisdictions', 'Jurisdicciones') },
  fields: {
    name: 'Nombre',
    code: 'Código',
    type: 'Tipo',
    parent: 'Jurisdicción superior',
    'Protection profile': 'Perfil de protección',
    protectionStatus: 'Estado de la protección',
    protectionSummary: 'Resumen de la protección',
    effectiveAt: 'Fecha de entrada en vigor',
    warrantStandard: 'Requisito de orden judicial',
    scope: 'Alcance',
    remedy: 'Consecuencias de una violación',
    resources: 'Recursos',
  },
  descriptions: {
    code: '"US" (nivel federal); ISO 3166-2 para estados, DC y territorios ("US-NY"); para condados y ciudades, una parte bajo el estado ("US-NY-KINGS").',
    parent: 'La jurisdicción en la que se encuentra esta: un estado para un condado, Estados Unidos para un estado.',
    'Protection profile': 'Cómo se protege aquí a las personas que acuden a los tribunales frente a arrestos migratorios civiles.',
    protectionSummary: 'En palabras sencillas: qué protege aquí a las personas, desde cuándo y qué falta.',
    effectiveAt: 'Cuándo entró en vigor la protección principal.',
    warrantStandard: 'Qué necesita un agente para hacer un arresto civil en un tribunal.',
    scope: 'A quién y dónde cubre: los tribunales y sus alrededores, el trayecto de ida y vuelta al tribunal, las partes, los testigos, los familiares.',
    remedy: 'Qué ocurre cuando se viola la protección: desacato, una acción civil, la exclusión de pruebas.',
    resources: 'Recursos que mencionan esta jurisdicción.',
  },
  options: {
    type: {
      federal: 'Federal',
      state: 'Estado',
      district: 'Distrito (DC)',
      territory: 'Territorio',
      county: 'Condado',
      city: 'Ciudad',
      tribal: 'Nación tribal',
    },
    protectionStatus: {
      statute: 'Ley: una ley protege a las personas en los tribunales',
      'court-rule': 'Norma o política judicial: el sistema judicial pone límites en sus tribunales',
      'executive-order': 'Orden ejecutiva',
      'attorney-general-guidance': 'Orientación del fiscal general',
      'local-policy': 'Política local (condado o ciudad)',
      'campaign-active': 'Aún sin protección; hay una campaña activa',
      'none-known': 'No se conoce ninguna protección',
      unknown: 'Aún sin investigar',
    },
    warrantStandard: {
      'judicial-warrant': 'Se requiere una orden judicial firmada por un juez',
      'judicial-warrant-or-order': 'Se requiere una orden judicial o una orden del tribunal',
      none: 'Sin requisito de orden judicial',
    },
  },
}

export const organizations: CollectionText = {
  labels: { singular: l('Organization', 'Organización'), plural: l('Organizations', 'Organizaciones') },
  fields: { name: 'Nombre', slug: 'Slug (URL)', type: 'Tipo', website: 'Sitio web', jurisdictions: 'Jurisdicciones' },
  descriptions: { slug: slugFromName, jurisdictions: 'Dónde trabaja.' },
  options: {
    type: {
      coalition: 'Coalición',
      'legal-services': 'Servicios legales',
      advocacy: 'Defensa e incidencia',
      court: 'Tribunal o sistema judicial',
      government: 'Agencia u oficina de gobierno',
      'bar-association': 'Colegio de abogados',
      academic: 'Académica',
      media: 'Medios',
    },
  },
}

export const topics: CollectionText = {
  labels: { singular: l('Topic', 'Tema'), plural: l('Topics', 'Temas') },
  fields: { name: 'Nombre', slug: 'Slug (URL)' },
  descriptions: { slug: slugFromName },
}

export const provisions: CollectionText = {
  labels: { singular: l('Provision', 'Disposición'), plural: l('Provisions', 'Disposiciones') },
  fields: { key: 'Clave', name: 'Nombre', description: 'Descripción', order: 'Orden' },
  descriptions: {
    key: 'Identificador estable que usan la API y el CSV, p. ej., "judicial-warrant-required". Nunca se cambia.',
    description: 'En palabras sencillas: qué hace una ley o regla con esta disposición.',
    order: 'Posición en la matriz, la menor primero.',
  },
}
