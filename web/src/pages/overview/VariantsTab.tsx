// Variants tab (webui.md §4.3).
import { useMemo, useState } from 'react'
import { useOverviewAlleles, useOverviewAllelesFinalized } from '../../api/queries'
import { useSession } from '../../app/session'
import { VARIANT_BOXES, variantBoxes } from '../../lib/overview'
import { isCollapsed } from '../../lib/storage'
import { Box } from '../../ui/Box'
import { Empty, ErrorPanel, Spinner } from '../../ui/Feedback'
import { Pager } from '../../ui/Pager'
import { VariantTable } from './lists'
import { overviewState, useOverviewState } from './overviewState'

export function VariantsTab() {
  const { user } = useSession()
  const persisted = useOverviewState()
  const overview = useOverviewAlleles()
  const [page, setPage] = useState(1)
  const finalized = useOverviewAllelesFinalized(page)
  const boxes = useMemo(() => (overview.data ? variantBoxes(overview.data, user.id) : null), [overview.data, user.id])
  const toggle = (key: string) => (c: boolean) => overviewState.setCollapsed('variants', key, c)

  return (
    <div className="tab-variants">
      {overview.error && <ErrorPanel error={overview.error} onRetry={() => void overview.refetch()} />}
      {!boxes && !overview.error && <Spinner label="Loading variants…" />}
      <div className="boxes">
        {boxes &&
          VARIANT_BOXES.filter((b) => b.key !== 'finished').map((b) => {
            const list = boxes[b.key as keyof typeof boxes]
            return (
              <Box
                key={b.key}
                title={b.title}
                count={list.length}
                collapsed={isCollapsed(persisted, 'variants', b.key)}
                onToggle={toggle(b.key)}
                busy={overview.isFetching}
              >
                {list.length ? <VariantTable items={list} caption={b.title} /> : <Empty>{b.empty}</Empty>}
              </Box>
            )
          })}
        <Box
          title="Finalized"
          count={finalized.data?.totalCount}
          collapsed={isCollapsed(persisted, 'variants', 'finished')}
          onToggle={toggle('finished')}
          busy={finalized.isFetching}
          controls={
            finalized.data && (
              <Pager page={page} totalPages={finalized.data.totalPages} onChange={setPage} size={5} label="Finalized variants pages" disabled={finalized.isPlaceholderData} />
            )
          }
        >
          {finalized.error ? (
            <ErrorPanel error={finalized.error} onRetry={() => void finalized.refetch()} compact />
          ) : !finalized.data ? (
            <Spinner label="Loading finalized variants…" />
          ) : finalized.data.items.length ? (
            <VariantTable items={finalized.data.items} caption="Finalized variants" />
          ) : (
            <Empty>No finalized variants</Empty>
          )}
        </Box>
      </div>
    </div>
  )
}
