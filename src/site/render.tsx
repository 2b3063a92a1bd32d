import type { Request, Response } from 'express'
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { Layout } from './Layout'
import { stringsFor } from './labels'
import { Message } from './pages/common'
import type { Lang } from './reads'

/** A whole page as HTML: server-rendered once, no hydration, no script. */
export function renderPage(lang: Lang, title: string, path: string, content: ReactNode): string {
  return `<!doctype html>${renderToStaticMarkup(
    <Layout lang={lang} title={title} path={path}>
      {content}
    </Layout>,
  )}`
}

/** A rendered page: its status, title, and content (the path without the language prefix is the request's). */
export type Page = { status?: number; title: string; content: ReactNode }

export const langOf = (req: Request): Lang => (req.baseUrl === '/es' ? 'es' : 'en')

export const notFoundPage = (lang: Lang, text?: string): Page => {
  const t = stringsFor(lang)
  return { status: 404, title: t.notFound.title, content: <Message title={t.notFound.title} lines={[text ?? t.notFound.text]} /> }
}

export function sendPage(res: Response, lang: Lang, pagePath: string, page: Page, cacheControl = 'no-store'): void {
  res.status(page.status ?? 200)
  res.setHeader('Cache-Control', cacheControl)
  res.type('html').send(renderPage(lang, page.title, pagePath, page.content))
}

