/**
 * The words of the workflow and account emails, in the recipient's language (./recipientLanguage.ts).
 * Spanish: formal "usted", as the admin panel (docs/SPANISH.md).
 */
import type { Language } from './recipientLanguage'

type Action = 'submit' | 'withdraw' | 'request_changes' | 'publish' | 'unpublish' | 'archive'

type Text = {
  subject: Record<Action, (title: string) => string>
  /** "<who> <did> “<title>”." */
  did: Record<Action, string>
  /** A title quoted in running text: “…” in English, «…» in Spanish. */
  quote: (title: string) => string
  state: (state: string) => string
  status: string
  note: string
  publicPage: string
  openInPanel: string
  anEditor: string
  aDeletedAccount: string
  resource: (id: string) => string
  assignedSubject: (title: string) => string
  assigned: (who: string, title: string) => string
  signUpSubject: string
  signedUp: (name: string) => string
  reviewAccount: string
  activatedSubject: string
  hello: (name: string) => string
  activated: string[]
  signIn: string
  // Account emails (./accountEmails.ts)
  existingSubject: string
  existing: string[]
  forgot: string
  notYou: string
  changeNoticeSubject: string
  changeNotice: (address: string) => string[]
  resetNow: string
  movedTakenSubject: string
  movedTaken: string[]
  confirmSubject: string
  confirm: (hours: number) => string[]
  confirmNotYou: string
  // Password reset (collections/Contributors auth.forgotPassword)
  resetSubject: string
  reset: string[]
  resetIgnore: string
}

const STATES_ES: Record<string, string> = { draft: 'borrador', in_review: 'en revisión', changes_requested: 'cambios solicitados', published: 'publicado', archived: 'archivado' }

const en: Text = {
  subject: {
    submit: (t) => `Submitted for review: ${t}`,
    withdraw: (t) => `Withdrawn from review: ${t}`,
    request_changes: (t) => `Changes requested: ${t}`,
    publish: (t) => `Published: ${t}`,
    unpublish: (t) => `Unpublished: ${t}`,
    archive: (t) => `Archived: ${t}`,
  },
  did: { submit: 'submitted', withdraw: 'withdrew', request_changes: 'requested changes to', publish: 'published', unpublish: 'unpublished', archive: 'archived' },
  quote: (t) => `“${t}”`,
  state: (s) => s.replace('_', ' '),
  status: 'Status',
  note: 'Note:',
  publicPage: 'Public page',
  openInPanel: 'Open it in the admin panel',
  anEditor: 'An editor',
  aDeletedAccount: 'A deleted account',
  resource: (id) => `Resource ${id}`,
  assignedSubject: (t) => `Assigned to you: ${t}`,
  assigned: (who, t) => `${who} assigned “${t}” to you to review.`,
  signUpSubject: 'New contributor sign-up to review',
  signedUp: (name) => `${name} signed up as a contributor and is waiting for activation.`,
  reviewAccount: 'Review the account in the admin panel',
  activatedSubject: 'Your contributor account is active',
  hello: (name) => `Hello ${name},`,
  activated: ['An editor activated your account on the ICE Out of Courts Campaign Toolkit. You can now sign in,', 'add your jurisdiction’s resources and submit them for review.'],
  signIn: 'Sign in',
  existingSubject: 'Someone tried to sign up with your address',
  existing: ['Someone tried to create an account on the ICE Out of Courts Campaign Toolkit with this email address.', 'You already have an account, so nothing changed and no second account was made.'],
  forgot: 'Forgot your password? Reset it',
  notYou: 'If it was not you, you can ignore this message.',
  changeNoticeSubject: 'Your account’s email address is about to change',
  changeNotice: (address) => [`Someone signed in to your account asked to change its email address to ${address}.`, 'The change happens only once it is confirmed from the new address; until then this address stays.'],
  resetNow: 'If that was not you, reset your password now',
  movedTakenSubject: 'Someone asked to move an account to your address',
  movedTaken: ['Someone asked to move their ICE Out of Courts Campaign Toolkit account to this email address.', 'You already have an account with it, so nothing changed.'],
  confirmSubject: 'Confirm your new email address',
  confirm: (hours) => ['Someone asked to use this address for their account on the ICE Out of Courts Campaign Toolkit.', `If it was you, confirm it within ${hours} hours; until then the account keeps its old address:`],
  confirmNotYou: 'If it was not you, ignore this message: nothing changes.',
  resetSubject: 'Reset your password',
  reset: ['Someone asked to reset the password of your account on the ICE Out of Courts Campaign Toolkit.', 'To choose a new password, open this link:'],
  resetIgnore: 'If it was not you, ignore this message: your password stays as it is.',
}

const es: Text = {
  subject: {
    submit: (t) => `Enviado a revisión: ${t}`,
    withdraw: (t) => `Retirado de la revisión: ${t}`,
    request_changes: (t) => `Cambios solicitados: ${t}`,
    publish: (t) => `Publicado: ${t}`,
    unpublish: (t) => `Despublicado: ${t}`,
    archive: (t) => `Archivado: ${t}`,
  },
  did: { submit: 'envió a revisión', withdraw: 'retiró de la revisión', request_changes: 'solicitó cambios en', publish: 'publicó', unpublish: 'despublicó', archive: 'archivó' },
  quote: (t) => `«${t}»`,
  state: (s) => STATES_ES[s] ?? s,
  status: 'Estado',
  note: 'Nota:',
  publicPage: 'Página pública',
  openInPanel: 'Ábralo en el panel de administración',
  anEditor: 'Un editor',
  aDeletedAccount: 'Una cuenta eliminada',
  resource: (id) => `Recurso ${id}`,
  assignedSubject: (t) => `Asignado a usted: ${t}`,
  assigned: (who, t) => `${who} le asignó «${t}» para que lo revise.`,
  signUpSubject: 'Nueva cuenta de colaborador para revisar',
  signedUp: (name) => `${name} se registró como colaborador/a y espera la activación.`,
  reviewAccount: 'Revise la cuenta en el panel de administración',
  activatedSubject: 'Su cuenta de colaborador/a está activa',
  hello: (name) => `Hola, ${name}:`,
  activated: ['Un editor activó su cuenta en el kit de herramientas de la campaña ICE Out of Courts. Ya puede iniciar sesión,', 'añadir los recursos de su jurisdicción y enviarlos a revisión.'],
  signIn: 'Iniciar sesión',
  existingSubject: 'Alguien intentó registrarse con su dirección',
  existing: ['Alguien intentó crear una cuenta en el kit de herramientas de la campaña ICE Out of Courts con esta dirección de correo.', 'Usted ya tiene una cuenta, así que nada cambió y no se creó una segunda cuenta.'],
  forgot: '¿Olvidó su contraseña? Restablézcala',
  notYou: 'Si no fue usted, puede ignorar este mensaje.',
  changeNoticeSubject: 'La dirección de correo de su cuenta está por cambiar',
  changeNotice: (address) => [`Alguien con una sesión abierta en su cuenta pidió cambiar su dirección de correo a ${address}.`, 'El cambio se hace solo cuando se confirma desde la dirección nueva; hasta entonces se mantiene esta dirección.'],
  resetNow: 'Si no fue usted, restablezca su contraseña ahora',
  movedTakenSubject: 'Alguien pidió pasar una cuenta a su dirección',
  movedTaken: ['Alguien pidió pasar su cuenta del kit de herramientas de la campaña ICE Out of Courts a esta dirección de correo.', 'Usted ya tiene una cuenta con ella, así que nada cambió.'],
  confirmSubject: 'Confirme su nueva dirección de correo',
  confirm: (hours) => ['Alguien pidió usar esta dirección para su cuenta en el kit de herramientas de la campaña ICE Out of Courts.', `Si fue usted, confírmela en un plazo de ${hours} horas; hasta entonces la cuenta conserva su dirección anterior:`],
  confirmNotYou: 'Si no fue usted, ignore este mensaje: nada cambia.',
  resetSubject: 'Restablezca su contraseña',
  reset: ['Alguien pidió restablecer la contraseña de su cuenta en el kit de herramientas de la campaña ICE Out of Courts.', 'Para elegir una contraseña nueva, abra este enlace:'],
  resetIgnore: 'Si no fue usted, ignore este mensaje: su contraseña no cambia.',
}

export const emailText = (language: Language): Text => (language === 'es' ? es : en)
export const isAction = (action: string): action is Action => action in en.subject
