/** The review history and the webhooks that tell frontends about published changes. */
import { ACTION_OPTIONS, STATE_OPTIONS } from './shared'
import { type CollectionText, l } from './types'

export const reviewEvents: CollectionText = {
  labels: { singular: l('Review event', 'Evento de revisión'), plural: l('Review events', 'Eventos de revisión') },
  group: l('Workflow', 'Flujo de revisión'),
  fields: {
    resource: 'Recurso',
    action: 'Acción',
    from: l('From', 'Estado anterior'),
    to: l('To', 'Estado nuevo'),
    by: l('By', 'Realizado por'),
    note: 'Nota',
    checklist: 'Lista de verificación',
    at: l('At', 'Fecha'),
    emailed: l('Emailed', 'Notificado por correo'),
    reviewBy: l('Review by', 'Revisar antes del'),
  },
  descriptions: {
    checklist: 'La lista de verificación previa a la publicación que confirmó la persona editora.',
    by: 'Vacío: la cuenta fue eliminada.',
    emailed:
      'Si esta transición envió correos de aviso (ninguno durante el periodo de calma tras un envío o una retirada que sí los envió).',
  },
  options: { action: ACTION_OPTIONS, from: STATE_OPTIONS, to: STATE_OPTIONS },
}

export const webhooks: CollectionText = {
  labels: { singular: l('Webhook', 'Webhook'), plural: l('Webhooks', 'Webhooks') },
  group: l('Settings', 'Configuración'),
  description: 'Solicitudes POST firmadas que se envían a un frontend cuando cambia el contenido publicado.',
  fields: {
    name: 'Nombre',
    url: l('URL', 'URL'),
    events: 'Eventos',
    active: 'Activo',
    secret: 'Secreto',
    lastDelivery: 'Última entrega',
    'lastDelivery.at': l('At', 'Fecha'),
    'lastDelivery.status': l('HTTP status', 'Estado HTTP'),
    'lastDelivery.error': 'Error',
  },
  descriptions: {
    name: 'Quién lo recibe, p. ej., "Sitio del toolkit (build hook de Netlify)".',
    url: 'Dirección https:// que recibe un POST por cada evento.',
    active: 'Desactivado: no se envía nada (se descartan las entregas en cola).',
    secret: 'Secreto de firma (HMAC-SHA256). Se muestra una sola vez al crearlo o rotarlo; los administradores pueden leerlo.',
    'lastDelivery.status': 'El código HTTP con que respondió el receptor; vacío si no se pudo conectar.',
  },
  options: {
    events: {
      publish: 'Se publica un recurso',
      update: 'Se actualiza un recurso publicado (se publica una nueva revisión)',
      unpublish: 'Se despublica, archiva o elimina un recurso',
    },
  },
}

export const reverifications: CollectionText = {
  labels: { singular: l('Re-verification', 'Nueva verificación'), plural: l('Re-verification queue', 'Cola de nueva verificación') },
  group: l('Workflow', 'Flujo de revisión'),
  fields: {
    resource: 'Recurso',
    reason: 'Motivo',
    supersededItem: l('Superseded item', 'Elemento reemplazado'),
    jurisdictions: 'Jurisdicciones',
    reviewBy: l('Review by', 'Revisar antes del'),
    queuedAt: l('Queued at', 'En la cola desde'),
    notifiedAt: l('Notified at', 'Notificado el'),
  },
  descriptions: { supersededItem: 'El elemento reemplazado al que enlaza.' },
  options: {
    reason: {
      due: 'Próxima: su fecha de revisión llega en 30 días o menos',
      overdue: 'Vencida: su fecha de revisión ya pasó',
      'superseded-link': 'Enlaza a un elemento que fue reemplazado',
    },
  },
}
