import { SOCIAL_PLATFORMS } from '../../../collections/Resources/options'
import { formatDate, href, optionLabel, stringsFor } from '../labels'
import { Body, isEditorState } from '../richText'
import { type Document, type JurisdictionBrief, type Lang, populated, type Resource as ResourceDoc, type ResourceBrief } from '../reads'

const platformLabel = (value: string) => SOCIAL_PLATFORMS.find((p) => p.value === value)?.label ?? value

/** One published resource (its rich text: ../richText.tsx). */
export function Resource({ lang, resource }: { lang: Lang; resource: ResourceDoc }) {
  const t = stringsFor(lang)
  const jurisdictions = populated<JurisdictionBrief>(resource.jurisdictions)
  const documents = populated<Document>(resource.documents).filter((d) => d.url)
  const newer = populated<ResourceBrief>(resource.supersededBy?.docs).filter((r) => r.slug)
  const posts = resource.socialPosts ?? []
  return (
    <article>
      <p className="meta">
        {[optionLabel(lang, 'category', resource.category), optionLabel(lang, 'section', resource.section)].filter(Boolean).join(' · ')}
      </p>
      <h1>{resource.title}</h1>
      {resource.superseded || newer.length ? (
        <div className="notice" role="note">
          <p>{t.resource.superseded}</p>
          {newer.length ? (
            <p>
              {t.resource.supersededBy}{' '}
              {newer.map((r, i) => (
                <span key={String(r.id)}>
                  {i > 0 ? ', ' : ''}
                  <a href={href(lang, `/resources/${encodeURIComponent(r.slug!)}`)}>{r.title}</a>
                </span>
              ))}
            </p>
          ) : null}
        </div>
      ) : null}
      <VerificationNotice lang={lang} verification={resource.verification} />
      {resource.summary ? <p className="lead">{resource.summary}</p> : null}
      <dl className="facts">
        {resource.issuedBy ? (
          <>
            <dt>{t.resource.issuedBy}</dt>
            <dd>
              {resource.issuedBy}
              {resource.issuerType ? ` (${optionLabel(lang, 'issuerType', resource.issuerType)})` : ''}
            </dd>
          </>
        ) : null}
        {resource.issuedAt ? (
          <>
            <dt>{t.resource.issued}</dt>
            <dd>{formatDate(lang, resource.issuedAt)}</dd>
          </>
        ) : null}
        {resource.effectiveAt ? (
          <>
            <dt>{t.resource.effective}</dt>
            <dd>{formatDate(lang, resource.effectiveAt)}</dd>
          </>
        ) : null}
        {resource.legislativeStatus ? (
          <>
            <dt>{resource.billNumber ?? optionLabel(lang, 'category', 'legislation')}</dt>
            <dd>{optionLabel(lang, 'legislativeStatus', resource.legislativeStatus)}</dd>
          </>
        ) : null}
        {jurisdictions.length ? (
          <>
            <dt>{t.resource.jurisdictions}</dt>
            <dd>
              {jurisdictions.map((j, i) => (
                <span key={j.code}>
                  {i > 0 ? ', ' : ''}
                  <a href={href(lang, `/jurisdictions/${j.code}`)}>{j.name}</a>
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      {isEditorState(resource.body) ? <Body lang={lang} data={resource.body} /> : null}
      {documents.length || resource.links?.length ? (
        <section aria-labelledby="documents-heading">
          <h2 id="documents-heading">{t.resource.attachments}</h2>
          <ul className="items">
            {documents.map((d) => (
              <li key={String(d.id)}>
                <a href={d.url!}>{d.title || d.filename}</a>
                {d.filesize ? <span className="meta"> · {Math.max(1, Math.round(d.filesize / 1024))} KB</span> : null}
              </li>
            ))}
            {(resource.links ?? []).map((link) => (
              <li key={link.url}>
                <a href={link.url} rel="noopener noreferrer">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {posts.length ? (
        <section aria-labelledby="posts-heading">
          <h2 id="posts-heading">{t.resource.posts}</h2>
          <p>{t.resource.postsHelp}</p>
          {posts.map((post, i) => (
            <div key={i} className="field">
              <label htmlFor={`post-${i}`}>{platformLabel(post.platform)}</label>
              <textarea id={`post-${i}`} readOnly rows={Math.min(8, Math.ceil(post.text.length / 60) + 1)} defaultValue={post.text} />
            </div>
          ))}
        </section>
      ) : null}
    </article>
  )
}

/** The legal sign-off as readers need it: when a lawyer checked the item and until when (none once superseded: the notice above says it). */
function VerificationNotice({ lang, verification }: { lang: Lang; verification: ResourceDoc['verification'] }) {
  const t = stringsFor(lang).resource.verification
  const status = verification?.status
  if (!status || status === 'superseded') return null
  if (status === 'unverified' || !verification?.verifiedAt || !verification.reviewBy) {
    return <p className="verification verification--unverified">{t.unverified}</p>
  }
  const say = status === 'due' ? t.due : status === 'overdue' ? t.overdue : t.current
  return (
    <p className={`verification verification--${status}`} role={status === 'overdue' ? 'note' : undefined}>
      {say(formatDate(lang, verification.verifiedAt), formatDate(lang, verification.reviewBy))}
      {verification.attribution ? ` ${t.attribution(verification.attribution)}` : ''}
    </p>
  )
}
