// Workflow pages are built in a later issue. These placeholders validate the route parameters
// (webui.md §1.1) so links from the overview can be followed and tested end to end.
import type { ReactNode } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { useUnsavedChangesGuard } from '../app/guards'
import { usePageTitle } from '../app/title'
import { parseVariantRoute } from '../lib/links'
import { ErrorPanel } from '../ui/Feedback'

function Placeholder({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <div className="page page-narrow">
      <div className="placeholder">
        <h1 className="page-title">{heading}</h1>
        {children}
        <p className="muted">The workflow screens are not part of this build yet.</p>
        <Link to="/overview/" className="btn">
          Back to overview
        </Link>
      </div>
    </div>
  )
}

export function AnalysisWorkflowPage() {
  const { analysisId } = useParams()
  const id = analysisId && /^\d+$/.test(analysisId) ? Number(analysisId) : null
  usePageTitle(id !== null ? `Analysis ${id}` : 'Analysis', id !== null ? `Analysis ${id}` : null)
  useUnsavedChangesGuard(false)
  if (id === null) {
    return (
      <div className="page page-narrow">
        <ErrorPanel title="Invalid address" error={new Error(`"${analysisId ?? ''}" is not an analysis id.`)} />
      </div>
    )
  }
  return (
    <Placeholder heading={`Analysis ${id}`}>
      <p>
        Analysis workflow for analysis id <code>{id}</code>.
      </p>
    </Placeholder>
  )
}

export function VariantWorkflowPage() {
  const { genomeReference = '', variantId = '' } = useParams()
  const [search] = useSearchParams()
  const route = parseVariantRoute(genomeReference, variantId, search)
  usePageTitle(route ? `Variant ${variantId}` : 'Variant', route ? variantId : null)
  if (!route) {
    return (
      <div className="page page-narrow">
        <ErrorPanel
          title="Invalid variant address"
          error={new Error(`Expected /workflows/variants/<genome reference>/<chr>-<pos>-<ref>-<alt>, got "${variantId}".`)}
        />
      </div>
    )
  }
  return (
    <Placeholder heading={`Variant ${route.chromosome}-${route.vcfPos}-${route.vcfRef}-${route.vcfAlt}`}>
      <dl className="kv">
        <div className="kv-row">
          <dt>Genome reference</dt>
          <dd>{route.genomeReference}</dd>
        </div>
        <div className="kv-row">
          <dt>Gene panel</dt>
          <dd>{route.gpName ? `${route.gpName}_${route.gpVersion}` : 'not given (to be chosen)'}</dd>
        </div>
        <div className="kv-row">
          <dt>Allele id</dt>
          <dd>{route.alleleId ?? '—'}</dd>
        </div>
      </dl>
    </Placeholder>
  )
}
