// Overview (webui.md §4): vertical tab strip, search box, one tab per configured view.
import { useEffect } from 'react'
import { Navigate, NavLink, useParams } from 'react-router'
import type { OverviewView } from '../../api/types'
import { useSession } from '../../app/session'
import { usePageTitle } from '../../app/title'
import { resolveSection } from '../../lib/storage'
import { AnalysesTab } from './AnalysesTab'
import { overviewState, useOverviewState } from './overviewState'
import { SearchBox } from './SearchBox'
import { VariantsTab } from './VariantsTab'

const VIEW_LABELS: Record<OverviewView, string> = { analyses: 'Analyses', variants: 'Variants', import: 'Import' }

export function OverviewRedirect() {
  const { config } = useSession()
  const stored = useOverviewState().selectedSection
  const section = resolveSection(undefined, config.user.user_config.overview.views, stored)
  return <Navigate to={section ? `/overview/${section}` : '/dashboard'} replace />
}

function ImportTab() {
  return (
    <div className="placeholder">
      <h2 className="sub-heading">Import</h2>
      <p className="muted">Data import and re-analysis come in a later build.</p>
    </div>
  )
}

export function OverviewPage() {
  const { section } = useParams()
  const { config } = useSession()
  const views = config.user.user_config.overview.views
  const stored = useOverviewState().selectedSection
  const resolved = resolveSection(section, views, stored)
  const valid = resolved !== null && resolved === section
  usePageTitle(valid ? `Overview — ${VIEW_LABELS[resolved]}` : 'Overview')

  useEffect(() => {
    if (valid) overviewState.selectSection(resolved)
  }, [valid, resolved])

  if (!valid) return <Navigate to={resolved ? `/overview/${resolved}` : '/dashboard'} replace />

  return (
    <div className="overview">
      <nav className="vtabs" aria-label="Overview sections">
        {views
          .filter((v) => v in VIEW_LABELS)
          .map((v) => (
            <NavLink key={v} to={`/overview/${v}`} className={({ isActive }) => `vtab${isActive ? ' is-active' : ''}`}>
              {VIEW_LABELS[v]}
            </NavLink>
          ))}
      </nav>
      <div className="overview-main">
        <SearchBox />
        {resolved === 'analyses' && <AnalysesTab />}
        {resolved === 'variants' && <VariantsTab />}
        {resolved === 'import' && <ImportTab />}
      </div>
    </div>
  )
}
