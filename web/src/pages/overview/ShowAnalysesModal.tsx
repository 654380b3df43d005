// "Show analyses" for a variant (webui.md §4.5). The request is audited server-side, so it is only
// made after the user accepts the privacy warning, and never answered from cache.
import { useEffect, useState } from 'react'
import { useAlleleAnalyses } from '../../api/queries'
import type { Allele, OverviewAnalysis } from '../../api/types'
import { alleleDisplayName } from '../../lib/format'
import { useCopy } from '../../ui/CopyText'
import { Empty, ErrorPanel, Spinner } from '../../ui/Feedback'
import { Modal } from '../../ui/Modal'
import { AnalysisTable } from './lists'

export function ShowAnalysesModal({ allele, onClose }: { allele: Allele | null; onClose: () => void }) {
  const [accepted, setAccepted] = useState(false)
  const alleleId = allele?.id ?? -1
  const q = useAlleleAnalyses(alleleId, accepted && allele !== null)
  const copy = useCopy()

  useEffect(() => setAccepted(false), [alleleId])

  const display = allele ? alleleDisplayName(allele) : ''
  const analyses = (q.data ?? []) as OverviewAnalysis[]

  return (
    <Modal
      open={allele !== null}
      onClose={onClose}
      title={`Analyses with ${display}`}
      size="lg"
      tone={accepted ? 'default' : 'danger'}
      footer={
        accepted ? (
          <>
            <button
              type="button"
              className="btn"
              disabled={!q.data}
              onClick={() => void copy([display, ...analyses.map((a) => a.name)].join('\n'), 'the variant and its analyses')}
            >
              Copy to clipboard
            </button>
            <button type="button" className="btn btn-primary" onClick={onClose}>
              Close
            </button>
          </>
        ) : (
          <>
            <button type="button" className="btn" onClick={onClose}>
              Close
            </button>
            <button type="button" className="btn btn-danger" onClick={() => setAccepted(true)} autoFocus>
              I accept
            </button>
          </>
        )
      }
    >
      {!accepted ? (
        <div className="privacy-warning" role="alert">
          <strong>Access to previous patients' data is restricted.</strong>
          <p>
            You are about to see every analysis that contains this variant, including analyses of other patients. Only look them up when it is necessary for
            the interpretation of the current case. All access is logged.
          </p>
        </div>
      ) : q.error ? (
        <ErrorPanel error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <Spinner label="Loading analyses…" />
      ) : analyses.length ? (
        <AnalysisTable analyses={analyses} newTab caption="Analyses containing the variant" />
      ) : (
        <Empty>No analyses contain this variant.</Empty>
      )}
    </Modal>
  )
}
