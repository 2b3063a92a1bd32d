import { CATEGORY_OPTIONS } from './resources'
/** Accounts, webinars and the people who register for them (sensitive: see docs/PRIVACY.md). */
import { type CollectionText, l } from './types'

export const contributors: CollectionText = {
  labels: { singular: l('Contributor', 'Colaborador'), plural: l('Contributors', 'Colaboradores') },
  fields: {
    name: 'Nombre',
    currentPassword: 'Contraseña actual',
    pendingEmail: 'Correo electrónico pendiente',
    role: 'Rol',
    status: 'Estado de la cuenta',
    organization: 'Organización',
    jurisdictions: 'Jurisdicciones',
    publicAttribution: 'Atribución pública',
    legalReviewer: l('Legal reviewer', 'Revisor/a legal'),
    preferredLanguage: 'Idioma de los correos',
  },
  descriptions: {
    currentPassword: 'Necesaria para cambiar su contraseña.',
    pendingEmail: 'Reemplaza el correo electrónico una vez confirmado con el enlace enviado a esa dirección.',
    organization: 'La organización o campaña con la que trabaja la persona.',
    jurisdictions: 'Los estados o lugares para los que la persona envía documentos.',
    preferredLanguage: 'El idioma de los correos que le envía el kit de herramientas.',
    publicAttribution:
      'Mostrar mi nombre en los recursos que aporté, y como la persona revisora legal que los verificó. Desactivado por defecto: la API pública nunca muestra a un colaborador salvo que lo acepte.',
    legalReviewer:
      'Una persona revisora legal (abogada) verifica recursos dentro de sus jurisdicciones y fija cuándo deben revisarse de nuevo. La asignan los administradores.',
  },
  options: {
    role: { admin: 'Administrador/a', editor: 'Editor/a', contributor: 'Colaborador/a' },
    status: { pending: 'Pendiente', active: 'Activa', suspended: 'Suspendida' },
    preferredLanguage: { en: 'Inglés (English)', es: 'Español' },
  },
}

export const webinars: CollectionText = {
  labels: { singular: l('Webinar', 'Seminario web'), plural: l('Webinars', 'Seminarios web') },
  fields: {
    title: 'Título',
    description: 'Descripción',
    startsAt: 'Comienza',
    endsAt: 'Termina',
    timezone: l('Time zone', 'Zona horaria'),
    capacity: 'Cupo',
    registrationOpen: 'Inscripción abierta',
    joinUrl: l('Join link', 'Enlace para unirse'),
    language: 'Idioma',
    seatsLeft: 'Plazas disponibles',
    reminderSentAt: 'Recordatorio enviado',
  },
  descriptions: {
    timezone: 'Zona horaria IANA de las horas que indican los correos, p. ej., America/Chicago.',
    capacity: 'Plazas. Vacío: sin límite. Las inscripciones que lo superen pasan a la lista de espera.',
    joinUrl: 'Nunca es público: solo se envía por correo a las personas inscritas (confirmación y recordatorio del día anterior).',
    seatsLeft: 'Vacío cuando el cupo es ilimitado.',
    reminderSentAt: 'Lo fija la tarea de recordatorios el día anterior.',
  },
  options: { language: { en: 'Inglés', es: 'Español' } },
}

export const webinarRegistrations: CollectionText = {
  labels: {
    singular: l('Webinar registration', 'Inscripción a un seminario web'),
    plural: l('Webinar registrations', 'Inscripciones a seminarios web'),
  },
  description:
    'Datos personales sensibles: cada listado, consulta, recuento, exportación y borrado queda registrado en la auditoría de inscripciones.',
  fields: {
    webinar: 'Seminario web',
    name: 'Nombre',
    email: 'Correo electrónico',
    organization: 'Organización',
    jurisdiction: 'Jurisdicción',
    role: 'Función',
    interest: 'Interés',
    message: 'Mensaje',
    consent: 'Consentimiento',
    status: 'Estado',
  },
  options: {
    role: {
      organizer: 'Organizador/a',
      attorney: 'Abogado/a',
      advocate: 'Defensor/a',
      'affected-community-member': 'Persona de la comunidad afectada',
      'public-official': 'Funcionario/a público/a',
      other: 'Otro',
    },
    interest: { 'start-campaign': 'Iniciar una campaña', 'expand-campaign': 'Ampliar una campaña', learn: 'Aprender' },
    status: { registered: 'Inscrita', waitlisted: 'En lista de espera', cancelled: 'Cancelada' },
  },
}

export const registrationAudit: CollectionText = {
  labels: {
    singular: l('Registration audit entry', 'Entrada de auditoría'),
    plural: l('Registration audit log', 'Auditoría de inscripciones'),
  },
  description: 'Quién consultó, contó, exportó o borró inscripciones a seminarios web o suscripciones a alertas, y qué borró la tarea de retención.',
  fields: { action: 'Acción', list: 'Lista', user: 'Usuario', webinar: 'Seminario web', rows: 'Filas' },
  descriptions: {
    user: 'Vacío para la tarea de retención.',
    webinar: 'Vacío cuando un listado abarcó todos los seminarios web.',
  },
  options: {
    action: {
      list: 'Listado',
      read: 'Consulta de una',
      count: 'Recuento',
      export: 'Exportación CSV',
      delete: 'Borrado por una persona',
      retention: 'Borrado por retención',
    },
    list: { 'webinar-registrations': 'Inscripciones a seminarios web', subscriptions: 'Suscripciones a alertas' },
  },
}

export const subscriptions: CollectionText = {
  labels: {
    singular: l('Alert subscription', 'Suscripción a alertas'),
    plural: l('Alert subscriptions', 'Suscripciones a alertas'),
  },
  description: 'Datos personales: cada listado, consulta, recuento y borrado queda registrado en la auditoría de inscripciones.',
  fields: {
    email: 'Correo electrónico',
    jurisdictions: 'Jurisdicciones',
    categories: 'Categorías',
    frequency: 'Frecuencia',
    language: 'Idioma',
    confirmedAt: 'Confirmada el',
    alertedThrough: 'Alertas enviadas hasta',
  },
  descriptions: {
    jurisdictions: 'Alertas de estas y de los condados y ciudades dentro de ellas; ninguna: todas las jurisdicciones.',
    categories: 'Ninguna: todas las categorías.',
    confirmedAt: 'Vacío hasta que la persona confirma con el enlace del correo; sin confirmar se borra a los 7 días.',
    alertedThrough: 'Lo publicado hasta este momento ya se le envió.',
  },
  options: {
    categories: CATEGORY_OPTIONS,
    frequency: { immediate: 'Inmediata', daily: 'Diaria', weekly: 'Semanal' },
    language: { en: 'Inglés', es: 'Español' },
  },
}
