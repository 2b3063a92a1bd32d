'use client'
import { getTranslation } from '@payloadcms/translations'
import { useFormFields, useTranslation } from '@payloadcms/ui'
import { tr } from './i18n'
import type { Label, OptionHelpItem } from './labels/types'

type Props = { path: string; field?: { admin?: { description?: unknown } }; options: OptionHelpItem[] }

/**
 * A select field's description (admin.components.Description, set by labels/index.ts from
 * `optionHelp`): the field's one-line help, what the chosen option means, and every option with
 * its one-line description under it, in the panel's language. Open while nothing is chosen.
 */
export function OptionHelp({ path, field, options }: Props) {
  const { i18n, t } = useTranslation()
  const value = useFormFields(([fields]) => fields[path]?.value) as string | null | undefined
  const text = (label: Label) => getTranslation(label, i18n)
  const own = field?.admin?.description
  const lead = typeof own === 'string' || (own && typeof own === 'object') ? getTranslation(own as Label, i18n) : ''
  const chosen = options.find((option) => option.value === value)
  return (
    <div className={`field-description field-description-${path.replace(/\./g, '__')} option-help`}>
      {lead ? <div className="option-help__lead">{lead}</div> : null}
      {chosen ? (
        <div className="option-help__chosen" data-value={chosen.value}>
          <strong>{text(chosen.label)}</strong>: {text(chosen.description)}
        </div>
      ) : null}
      <details className="option-help__all" open={!chosen}>
        <summary>{tr(t, 'custom:optionHelpAll')}</summary>
        <dl>
          {options.map((option) => (
            <div key={option.value} className="option-help__option" data-value={option.value}>
              <dt>{text(option.label)}</dt>
              <dd>{text(option.description)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  )
}
