// User profile (webui.md §3).
import { useState, type ReactNode } from 'react'
import { useNavigate } from 'react-router'
import { useQueryClient } from '@tanstack/react-query'
import { logout } from '../api/endpoints'
import { errorText } from '../api/errors'
import { qk, useUsers, useUserStats } from '../api/queries'
import { useSession } from '../app/session'
import { usePageTitle } from '../app/title'
import { formatDateTime } from '../lib/format'
import { Box } from '../ui/Box'
import { QueryState } from '../ui/Feedback'
import { useToast } from '../ui/toast'

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="kv-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

export function DashboardPage() {
  usePageTitle('Profile', 'Profile')
  const { user } = useSession()
  const users = useUsers()
  const stats = useUserStats()
  const qc = useQueryClient()
  const navigate = useNavigate()
  const toast = useToast()
  const [busy, setBusy] = useState(false)

  async function onLogout() {
    setBusy(true)
    toast.show({ kind: 'info', message: 'Logging out, please wait…' })
    try {
      await logout()
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'broadcasts' })
      void qc.invalidateQueries({ queryKey: qk.broadcasts })
      navigate('/login', { replace: true })
    } catch (e) {
      toast.show({ kind: 'error', message: `Logout failed: ${errorText(e)}`, timeout: 10_000 })
      setBusy(false)
    }
  }

  const officialPanels = user.group.genepanels.filter((g) => g.official)

  return (
    <div className="page">
      <div className="page-head">
        <h1 className="page-title">{user.full_name}</h1>
        <button type="button" className="btn btn-danger" onClick={onLogout} disabled={busy}>
          {busy ? 'Logging out…' : 'Log out'}
        </button>
      </div>
      <div className="card-grid">
        <Box title="Your profile">
          <dl className="kv">
            <Row label="Username">{user.username}</Row>
            <Row label="Name">{user.full_name}</Row>
            <Row label="Password expires">{formatDateTime(user.password_expiry)}</Row>
            <Row label="E-mail">{user.email ?? '—'}</Row>
          </dl>
        </Box>
        <Box title="Your user group">
          <dl className="kv">
            <Row label="Group">{user.group.name}</Row>
            <Row label="Other members">
              <QueryState query={users}>
                {(list) => {
                  const others = list.filter((u) => u.group?.name === user.group.name && u.id !== user.id)
                  return others.length ? (
                    <ul className="plain-list">
                      {others.map((u) => (
                        <li key={u.id}>{u.full_name}</li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">None</span>
                  )
                }}
              </QueryState>
            </Row>
          </dl>
        </Box>
        <Box title="Gene panels and activity">
          <dl className="kv">
            <QueryState query={stats}>
              {(s) => (
                <>
                  <Row label="Analyses worked on">{s.analyses_cnt}</Row>
                  <Row label="Variants worked on">{s.alleles_cnt}</Row>
                </>
              )}
            </QueryState>
            <Row label="Official gene panels">
              {officialPanels.length ? (
                <ul className="plain-list">
                  {officialPanels.map((g) => (
                    <li key={`${g.name}_${g.version}`}>{`${g.name} ${g.version}`}</li>
                  ))}
                </ul>
              ) : (
                <span className="muted">None</span>
              )}
            </Row>
          </dl>
        </Box>
      </div>
    </div>
  )
}
