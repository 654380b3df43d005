// Outbound links (PubMed, ClinVar, …) obey config `app.links_to_clipboard` (webui.md §1.5):
// offline deployments copy the URL instead of opening it.
import type { ReactNode } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { qk } from '../api/queries'
import type { AppConfig } from '../api/types'
import { copyToClipboard } from '../lib/clipboard'
import { useToast } from './toast'

export function useLinksToClipboard(): boolean {
  const qc = useQueryClient()
  const cfg = qc.getQueryData<AppConfig>(qk.config)
  // default true: the deployment default (OFFLINE_MODE) is offline
  return cfg?.app.links_to_clipboard ?? true
}

export function ExternalLink({ href, children, title }: { href: string; children: ReactNode; title?: string }) {
  const toClipboard = useLinksToClipboard()
  const toast = useToast()
  if (!toClipboard) {
    return (
      <a className="ext-link" href={href} target="_blank" rel="noopener noreferrer" title={title ?? href}>
        {children}
        <span className="sr-only"> (opens in a new tab)</span>
      </a>
    )
  }
  return (
    <a
      className="ext-link is-offline"
      href={href}
      title={`Copy link: ${href}`}
      onClick={async (e) => {
        e.preventDefault()
        const ok = await copyToClipboard(href)
        toast.show(ok ? { kind: 'success', message: 'Copied link to clipboard.' } : { kind: 'error', message: `Could not copy the link: ${href}` })
      }}
    >
      {children}
      <span className="sr-only"> (copies the link)</span>
    </a>
  )
}
