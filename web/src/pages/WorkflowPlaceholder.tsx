// Workflow pages are built in a later issue. These placeholders validate the route parameters
// (webui.md §1.1) so links from the overview can be followed and tested end to end; the analysis
// placeholder already loads the analysis (name and status in the title, errors shown).
import type { ReactNode } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { useUnsavedChangesGuard } from '../app/guards'
import { usePageTitle } from '../app/title'
import { useAnalysis } from '../api/queries'
import { formatDate, formatRound, workflowTitle } from '../lib/format'
import { parseVariantRoute } from '../lib/links'
import { ErrorPanel, Spinner } from '../ui/Feedback'

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
  const analysis = useAnalysis(id)
  const title = analysis.data ? workflowTitle(analysis.data.name, analysis.data.interpretations) : null
  usePageTitle(analysis.data?.name ?? (id !== null ? `Analysis ${id}` : 'Analysis'), title)
  useUnsavedChangesGuard(false)
  if (id === null) {
    return (
      <div className="page page-narrow">
        <ErrorPanel title="Invalid address" error={new Error(`"${analysisId ?? ''}" is not an analysis id.`)} />
      </div>
    )
  }
  if (!analysis.data) {
    return (
      <div className="page page-narrow">
        {analysis.error ? (
          // ELLA answers 500 both for a missing analysis and for one outside the user's gene panels.
          <ErrorPanel title={`Analysis ${id} could not be loaded`} error={analysis.error} onRetry={() => void analysis.refetch()} />
        ) : (
          <Spinner label="Loading analysis…" />
        )}
      </div>
    )
  }
  const a = analysis.data
  return (
    <Placeholder heading={a.name}>
      <dl className="kv">
        <div className="kv-row">
          <dt>Gene panel</dt>
          <dd>{`${a.genepanel.name}_${a.genepanel.version}`}</dd>
        </div>
        <div className="kv-row">
          <dt>Deposited</dt>
          <dd>{formatDate(a.date_deposited)}</dd>
        </div>
        <div className="kv-row">
          <dt>Rounds</dt>
          <dd>
            <ol className="rounds">
              {a.interpretations.map((i, index) => (
                <li key={i.id}>{formatRound(index, i)}</li>
              ))}
            </ol>
          </dd>
        </div>
      </dl>
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
