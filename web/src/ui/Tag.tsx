import type { ReactNode } from 'react'

export type TagTone = 'neutral' | 'danger' | 'warning' | 'info' | 'success' | 'accent'

export function Tag({ tone = 'neutral', children, title }: { tone?: TagTone; children: ReactNode; title?: string | undefined }) {
  return (
    <span className={`tag tag-${tone}`} title={title}>
      {children}
    </span>
  )
}
