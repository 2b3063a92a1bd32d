/** The words of the webinar emails, in the webinar's language (English or Spanish). */
export type EmailKind = 'registered' | 'waitlisted' | 'already-registered' | 'promoted' | 'reminder'

type Text = {
  subject: Record<EmailKind, string>
  hello: (name: string) => string
  lead: Record<EmailKind, (title: string, seated: boolean) => string[]>
  when: string
  join: string
  cancel: string
  privacy: string
}

const en: Text = {
  subject: {
    registered: "You're registered",
    waitlisted: "You're on the waitlist",
    'already-registered': "You're already registered",
    promoted: 'A seat opened up for you',
    reminder: 'Tomorrow',
  },
  hello: (name) => `Hello ${name},`,
  lead: {
    registered: (title) => [`You are registered for "${title}".`],
    promoted: (title) => [`A seat opened up and you are now registered for "${title}".`],
    waitlisted: (title) => [`"${title}" is full, so you are on the waitlist. If a seat opens up we will email you the join link.`],
    'already-registered': (title, seated) => [
      `Someone asked to register this address for "${title}". It is already ${seated ? 'registered' : 'on the waitlist'}, so nothing changed.`,
      'If that was not you, you can ignore this message.',
    ],
    reminder: (title) => [`A reminder: "${title}" starts in less than a day.`],
  },
  when: 'When',
  join: 'Join link (keep it to yourself)',
  cancel: 'Cannot come? Cancel and delete your details',
  privacy: 'We keep your details only until shortly after the webinar, and share them with no one.',
}

const es: Text = {
  subject: {
    registered: 'Inscripción confirmada',
    waitlisted: 'Está en la lista de espera',
    'already-registered': 'Ya está inscrito/a',
    promoted: 'Se liberó un lugar para usted',
    reminder: 'Mañana',
  },
  hello: (name) => `Hola, ${name}:`,
  lead: {
    registered: (title) => [`Está inscrito/a en «${title}».`],
    promoted: (title) => [`Se liberó un lugar y ahora está inscrito/a en «${title}».`],
    waitlisted: (title) => [`«${title}» está completo, así que está en la lista de espera. Si se libera un lugar, le enviaremos el enlace.`],
    'already-registered': (title, seated) => [
      `Alguien pidió inscribir esta dirección en «${title}». Ya está ${seated ? 'inscrita' : 'en la lista de espera'}, así que nada cambió.`,
      'Si no fue usted, puede ignorar este mensaje.',
    ],
    reminder: (title) => [`Un recordatorio: «${title}» empieza en menos de un día.`],
  },
  when: 'Cuándo',
  join: 'Enlace para entrar (no lo comparta)',
  cancel: '¿No puede asistir? Cancele y borre sus datos',
  privacy: 'Guardamos sus datos solo hasta poco después del seminario y no los compartimos con nadie.',
}

export const emailText = (language: string | null | undefined): Text => (language === 'es' ? es : en)
